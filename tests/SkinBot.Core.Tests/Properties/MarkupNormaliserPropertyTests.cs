using System.Text.RegularExpressions;
using CsCheck;
using SkinBot.Core.Markup;
using SkinBot.Testing.Hostile;

namespace SkinBot.Core.Tests.Properties;

/// <summary>The markup normaliser and the look-alike folder read any text, and leave no mention for the engine to see.</summary>
public sealed partial class MarkupNormaliserPropertyTests
{
    [Fact]
    public void Any_text_normalises_without_an_exception_and_without_growing_without_bound()
    {
        HostileText.Message.Sample(text =>
        {
            var plain = ChatMarkup.ToPlainText(text);
            var folded = MessageNormalizer.Normalize(plain);

            Assert.True(plain.Length <= text.Length + 16, $"{text.Length} -> {plain.Length}");
            Assert.True(folded.Length <= (plain.Length * 4) + 16, $"{plain.Length} -> {folded.Length}");
        }, iter: PropertyRuns.Iterations(20_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void No_mention_survives_the_markup_normaliser()
    {
        var nested = Gen.Select(HostileText.Fragment.Array[1, 6], Gen.OneOf("<", "<@", "<@!", "<#", "<@&", "@", ">", "1", string.Empty).Array[1, 6],
            (fragments, glue) => string.Concat(fragments.Zip(glue, (a, b) => a + b)));

        Gen.Frequency((3, nested), (1, HostileText.Message)).Sample(text =>
        {
            var plain = ChatMarkup.ToPlainText(text);

            Assert.DoesNotMatch(LiveMention(), plain);
        }, iter: PropertyRuns.Iterations(20_000), seed: PropertyRuns.Seed);
    }

    [GeneratedRegex(@"<(@[!&]?|#)\d+>|@(everyone|here)\b")]
    private static partial Regex LiveMention();
}

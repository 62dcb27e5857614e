using System.Text.Json.Nodes;
using CsCheck;
using SkinBot.Core.Answers;
using SkinBot.Core.Corpus;
using SkinBot.Teams.Rendering;
using SkinBot.Testing;

namespace SkinBot.Teams.Tests;

/// <summary>What a person typed and the answer quotes back never becomes a link, a mention or markup in a card.</summary>
public sealed class EscapingTests
{
    private static readonly string[] Markup = ["](", "http://", "https://", "[", "**", "*", "_", "<", "{{", "}}", "`", "~"];

    private static Answer Echoing(string typed) => new()
    {
        Intent = "scar_types",
        Confidence = 1,
        Headline = "Types of pitted scars",
        MessageText = AnswerText.Own("I don't know a scar type called \"") + AnswerText.Quote(typed, 41) + AnswerText.Own("\". The article describes these three:"),
        Passages = [new AnswerPassage("p1", "Boxcar scars are broad depressions.", ["Types"], "Boxcar scars", new SourceInfo("Pockmarks", "Mag", "https://example.org/p", "Dr A"), 1)],
        FollowUps = [new FollowUp("Rolling scars", "What are rolling scars?")],
        Caveat = "See a dermatologist.",
        CorpusVersion = "v1",
    };

    [Fact]
    public void A_masked_link_in_a_scar_name_is_shown_as_plain_text_in_the_card()
    {
        var card = TeamsMessageFactory.AnswerCard(Echoing("[Free cure](https://evil.example)"), CardActionStyle.Submit);

        Assert.DoesNotContain(MarkdownTexts(card).SkipLast(1), t => t.Contains("evil", StringComparison.Ordinal));
        Assert.Contains("[Free cure](https://evil.example)", string.Concat(RunTexts(card)), StringComparison.Ordinal);
        Assert.Contains(@"\[Free cure\]\(https\:\/\/evil\.example\)", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S?Mut$mCqD<y<at2RHWn5`bu")]
    [InlineData("<AT id=1>x</at>")]
    [InlineData("< / atx")]
    public void The_start_of_a_mention_tag_is_broken_whatever_follows_it(string typed)
    {
        var card = TeamsMessageFactory.AnswerCard(Echoing(typed), CardActionStyle.Submit);

        Assert.All(RunTexts(card), t => Assert.DoesNotMatch(@"(?i)<\s*/?\s*at", t));
    }

    [Fact]
    public void Nothing_a_person_types_becomes_a_link_a_mention_or_markup_in_a_card()
    {
        var baseline = TeamsMessageFactory.AnswerCard(Echoing("x"), CardActionStyle.Submit);
        var baselineTokens = AllTokens(baseline);

        TextGen.Markup.Sample(typed =>
        {
            var card = TeamsMessageFactory.AnswerCard(Echoing(typed), CardActionStyle.Submit);

            Assert.Equal(baselineTokens, AllTokens(card));
            Assert.All(RunTexts(card), t =>
            {
                Assert.DoesNotContain("{{", t, StringComparison.Ordinal);
                Assert.DoesNotContain("<at", t, StringComparison.OrdinalIgnoreCase);
            });
        }, iter: 2_000);
    }

    /// <summary>Every string Teams reads as markdown: TextBlock texts and the fallback text.</summary>
    private static IEnumerable<string> MarkdownTexts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextBlock" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.Where(p => p.Key != "inlines").SelectMany(p => p.Key == "fallbackText" ? [p.Value!.GetValue<string>()] : MarkdownTexts(p.Value)),
        JsonArray a => a.SelectMany(MarkdownTexts),
        _ => [],
    };

    private static IEnumerable<string> RunTexts(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "TextRun" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => RunTexts(p.Value)),
        JsonArray a => a.SelectMany(RunTexts),
        _ => [],
    };

    private static string AllTokens(JsonNode card) => string.Join(" | ", MarkdownTexts(card).Select(Tokens).Where(t => t.Length > 0));

    /// <summary>Markdown openers not preceded by a backslash escape (CommonMark: any ASCII punctuation can be escaped).</summary>
    private static string Tokens(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && char.IsAscii(text[i + 1]))
            {
                i++;
                continue;
            }

            if (Markup.FirstOrDefault(m => string.CompareOrdinal(text, i, m, 0, m.Length) == 0) is { } token)
            {
                tokens.Add(token);
            }
        }

        return string.Join(' ', tokens);
    }
}

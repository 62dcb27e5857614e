using System.Text.Json;
using CsCheck;
using SkinBot.Core.Answers;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing;

namespace SkinBot.Discord.Tests;

/// <summary>What a person typed and the answer quotes back never becomes a link, a mention or formatting.</summary>
public sealed class EscapingTests
{
    /// <summary>As the engine answers "/scar type:…" with a name it does not know.</summary>
    private static Answer Echoing(string typed) => new()
    {
        Intent = "scar_types",
        Confidence = 1,
        Headline = "Types of pitted scars",
        MessageText = AnswerText.Own("I don't know a scar type called \"") + AnswerText.Quote(typed, 41) + AnswerText.Own("\". The article describes these three:"),
        Passages = [new AnswerPassage("p1", "Boxcar scars are broad depressions with sharp edges.", ["Types", "Boxcar"], "Boxcar scars", DiscordEngine.Source, 1)],
        FollowUps = [new FollowUp("Rolling scars", "What are rolling scars?")],
        Caveat = DiscordEngine.Caveat,
        CorpusVersion = "v1",
    };

    [Fact]
    public void A_masked_link_in_a_scar_name_is_posted_as_plain_text()
    {
        var embed = AnswerRenderer.RenderEmbed(Echoing("[Free cure](https://evil.example)")).Embeds[0];

        Assert.Contains(@"called ""\[Free cure\]\(https\:\/\/evil\.example\)"".", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil", embed.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@everyone")]
    [InlineData("<@123456789012345678>")]
    [InlineData("<@&123456789012345678>")]
    [InlineData("<#123456789012345678>")]
    [InlineData("**bold** __under__ ||spoiler|| `code`")]
    [InlineData("x\n# Heading\n> quote\n-# small")]
    public void A_mention_or_markup_in_a_scar_name_is_shown_as_typed_and_not_read(string typed)
    {
        var answer = Echoing(typed);

        var embed = AnswerRenderer.RenderEmbed(answer).Embeds[0];
        var content = string.Concat(AnswerRenderer.RenderText(answer).Select(m => m.Content));

        Assert.Equal(DiscordMarkupScanner.Tokens(Baseline().Embeds[0].Description), DiscordMarkupScanner.Tokens(embed.Description));
        Assert.Equal(DiscordMarkupScanner.Tokens(BaselineText()), DiscordMarkupScanner.Tokens(content));
    }

    [Fact]
    public void Nothing_a_person_types_becomes_a_link_a_mention_or_markup_in_an_embed_or_a_message()
    {
        var embedTokens = DiscordMarkupScanner.Tokens(Baseline().Embeds[0].Description);
        var textTokens = DiscordMarkupScanner.Tokens(BaselineText());

        TextGen.Markup.Sample(typed =>
        {
            var answer = Echoing(typed);
            var embed = AnswerRenderer.RenderEmbed(answer);
            var texts = AnswerRenderer.RenderText(answer);

            Assert.Equal(embedTokens, DiscordMarkupScanner.Tokens(embed.Embeds[0].Description));
            Assert.Equal(textTokens, DiscordMarkupScanner.Tokens(string.Join("\n", texts.Select(m => m.Content))));
            foreach (var message in texts.Append(embed))
            {
                var wire = JsonSerializer.SerializeToElement(MessageBody.From(message), DiscordJson.Options);
                Assert.Equal("""{"parse":[]}""", wire.GetProperty("allowed_mentions").GetRawText());
            }
        }, iter: 2_000);
    }

    private static OutgoingMessage Baseline() => AnswerRenderer.RenderEmbed(Echoing("x"));

    private static string BaselineText() => string.Join("\n", AnswerRenderer.RenderText(Echoing("x")).Select(m => m.Content));
}

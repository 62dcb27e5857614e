using CsCheck;
using SkinBot.Core.Answers;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing;

namespace SkinBot.Discord.Tests;

/// <summary>Text cut to Discord's limits never splits an emoji, a flag or a letter from its accent.</summary>
public sealed class TextCuttingTests
{
    private const string Family = "👩‍👩‍👧";

    private static Answer AnswerWith(string headline, string passage, string? message = null) => new()
    {
        Intent = "definition",
        Confidence = 0.9,
        Headline = headline,
        Message = message,
        Passages = [new AnswerPassage("p1", passage, ["Types"], null, DiscordEngine.Source, 1)],
        FollowUps = [new FollowUp("More", "What are boxcar scars?")],
        Caveat = DiscordEngine.Caveat,
        CorpusVersion = "v1",
    };

    [Fact]
    public void A_headline_cut_to_the_title_limit_keeps_its_emoji_whole()
    {
        var headline = new string('a', 253) + Family + Family;

        var title = AnswerRenderer.RenderEmbed(AnswerWith(headline, "Boxcar scars are broad.")).Embeds[0].Title!;

        Assert.InRange(title.Length, 1, DiscordLimits.EmbedTitle);
        Assert.True(TextChecks.IsWellFormed(title), title);
        Assert.Equal(new string('a', 253) + "…", title);
    }

    [Fact]
    public void Content_cut_to_2000_characters_never_ends_in_half_an_emoji()
    {
        var body = MessageBody.From(OutgoingMessage.Text(new string('a', 1997) + "👍👍👍"));

        Assert.InRange(body.Content!.Length, 1, DiscordLimits.ContentLength);
        Assert.True(TextChecks.IsWellFormed(body.Content), "lone surrogate");
        Assert.EndsWith("a👍…", body.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_splitter_never_splits_an_emoji_sequence()
    {
        var text = "a" + string.Concat(Enumerable.Repeat(Family, 600));

        var pieces = ContentSplitter.Split(text);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, DiscordLimits.ContentLength));
        Assert.All(pieces, p => Assert.All(TextChecks.TextElements(p), e => Assert.Contains(e, new[] { "a", Family })));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Any_answer_renders_within_the_limits_without_a_lone_surrogate()
    {
        Gen.Select(TextGen.Tricky, TextGen.Tricky, TextGen.Tricky.Array[1, 4]).Sample((headline, message, passages) =>
        {
            // Long enough to need cutting: each piece repeated well past the embed and content limits.
            var answer = AnswerWith(
                string.Concat(Enumerable.Repeat(headline + "x", 40)),
                string.Concat(Enumerable.Repeat(string.Concat(passages) + " ", 200)),
                string.Concat(Enumerable.Repeat(message, 30)));
            var wellFormed = TextChecks.IsWellFormed(answer.Headline + answer.Message + answer.Passages[0].Text);

            var embed = AnswerRenderer.RenderEmbed(answer).Embeds[0];
            var texts = AnswerRenderer.RenderText(answer).Select(m => MessageBody.From(m).Content!).ToList();

            Assert.InRange(embed.Title!.Length, 0, DiscordLimits.EmbedTitle);
            Assert.InRange(embed.Description?.Length ?? 0, 0, DiscordLimits.EmbedDescription);
            Assert.All(texts, t => Assert.InRange(t.Length, 0, DiscordLimits.ContentLength));
            if (wellFormed)
            {
                Assert.True(TextChecks.IsWellFormed(embed.Title), "title");
                Assert.True(TextChecks.IsWellFormed(embed.Description), "description");
                Assert.All(texts, t => Assert.True(TextChecks.IsWellFormed(t), "content"));
            }
        }, iter: 300);
    }
}

using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Intents;
using SkinBot.Core.Markup;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>
/// A Discord reply that quotes another member first: the person's own question is answered, not the quoted one, unless
/// the quote is what they ask about; and the safety screen reads the quote as well.
/// </summary>
public sealed class QuotedReplyTests
{
    private static async Task<Answer> AskAsync(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        return await engine.AnswerAsync(new ChatRequest(Platforms.Discord, Guid.NewGuid().ToString("N"), "user", text), CancellationToken.None);
    }

    [Theory]
    [InlineData("> how much was ur laser\nwhat are boxcar scars", "what are boxcar scars")]
    [InlineData("  > one\n> two\nmine: does it hurt", "mine: does it hurt")]
    [InlineData(">>> a long quote\nstill quoted", ">>> a long quote\nstill quoted")]
    [InlineData("my question\n>>> quoted to the end\nstill quoted", "my question")]
    [InlineData("> only a quote", "> only a quote")]
    [InlineData("no quote > here", "no quote > here")]
    public void Own_words_are_the_lines_outside_block_quotes(string text, string own)
    {
        Assert.Equal(own, QuotedReply.OwnWords(text));
    }

    [Fact]
    public async Task The_persons_own_question_is_answered_rather_than_the_quoted_one()
    {
        var answer = await AskAsync("> how much was ur laser\nidk ask priya. my question is whats the difference between rolling and boxcar scars");

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.False(answer.LowConfidence);
    }

    [Fact]
    public async Task A_quoted_claim_asked_about_is_read_with_the_question()
    {
        // "is that true?" asks nothing clear alone: the quote is the subject.
        var answer = await AskAsync("> scars are permanent by definition\nmy friend sent me this, is that true? is improvement possible or not");

        Assert.Equal(IntentIds.Permanence, answer.Intent);
    }

    [Theory]
    [InlineData("> how much was ur laser\nidk ask priya. my question is whats the difference between rolling and boxcar scars")]
    [InlineData("> scars are permanent by definition\nmy friend sent me this, is that true? is improvement possible or not")]
    public async Task Explain_reads_the_same_words_the_answer_is_decided_from(string text)
    {
        var answer = await AskAsync(text);
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        using var lease = holder.Acquire();

        var explained = IntentClassifier.Explain(text, lease.Knowledge);

        Assert.Contains($"decision:         {answer.Intent} ", explained, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_friend_in_danger_gets_the_crisis_reply()
    {
        var answer = await AskAsync("> im going to end it tonight, sorry everyone\nwhat do i even say to her??");

        Assert.Equal(Urgency.Crisis, answer.Urgency);
    }
}

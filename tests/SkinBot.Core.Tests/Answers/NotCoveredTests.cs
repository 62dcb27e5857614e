using SkinBot.Core.Answers;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Answers;

/// <summary>
/// A question about something the corpus never discusses gets an honest "my articles don't cover that" with the
/// nearest topics it does cover, never a near-miss passage dressed as an answer (issue 11, item 3).
/// </summary>
public sealed class NotCoveredTests
{
    private static async Task<Conversation> ChatAsync() =>
        new(KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), Guid.NewGuid().ToString("N"));

    private static bool SaysNotCovered(Answer answer, string thing) =>
        answer.Passages.Count == 0
        && answer.NotCovered
        && answer.Message is { } message
        && message.Contains("don't cover", StringComparison.Ordinal)
        && message.Contains(thing, StringComparison.OrdinalIgnoreCase)
        && answer.FollowUps.Count > 0;

    [Theory]
    [InlineData("does tea tree oil help pitted scars?", "tea tree oil")]
    [InlineData("my aunt swears by rice water. does rice water help pitted acne scars??", "rice water")]
    [InlineData("would the ordinary niacinamide help my rolling scars", "niacinamide")]
    [InlineData("does toothpaste actually fill in acne holes?? a girl at school swears by it", "toothpaste")]
    public async Task A_thing_the_articles_never_mention_is_said_to_be_not_covered_with_the_nearest_topics(string question, string thing)
    {
        await (await ChatAsync())
            .Send(question)
            .Assert(a => SaysNotCovered(a, thing), $"says the articles don't cover {thing}, quotes nothing and offers the nearest topics")
            .AssertCaveat()
            .RunAsync();
    }

    [Theory]
    [InlineData("does retinol help pockmarks?")]
    [InlineData("would microneedling help my rolling scars")]
    [InlineData("do fillers fill in rolling scars for good?")]
    [InlineData("is the home version of dermarolling any good")]
    [InlineData("is it posible to totaly get rid of pitted scars")]
    public async Task A_thing_the_articles_discuss_or_a_vague_subject_is_answered_as_usual(string question)
    {
        await (await ChatAsync())
            .Send(question)
            .Assert(a => !a.NotCovered && (a.Message is null || !a.Message.Contains("don't cover", StringComparison.Ordinal)), "no 'not covered' reply")
            .RunAsync();
    }
}

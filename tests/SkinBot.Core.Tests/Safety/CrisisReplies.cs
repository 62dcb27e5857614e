using SkinBot.Core.Answers;
using SkinBot.Core.Domain;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Safety;

/// <summary>The one check of what a person sees after a crisis: the crisis reply alone, with where to turn.</summary>
internal static class CrisisReplies
{
    public static async Task<Conversation> ChatAsync() =>
        new(KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), Guid.NewGuid().ToString("N"));

    public static bool IsGoToCareOnly(Answer answer) =>
        answer.Intent == IntentIds.Urgent && answer.Passages.Count == 0 && answer.FollowUps.Count == 0 && !string.IsNullOrWhiteSpace(answer.Caveat);

    /// <summary>Sends <paramref name="text"/> and asserts the crisis reply alone: no passages, no follow-ups, 988 and findahelpline.com.</summary>
    public static async Task AssertAloneAsync(string text) =>
        await (await ChatAsync())
            .Send(text)
            .AssertUrgency(Urgency.Crisis)
            .Assert(IsGoToCareOnly, "the crisis reply alone: no passages, no follow-ups")
            .AssertMessageContains("988")
            .AssertMessageContains("findahelpline.com")
            .RunAsync();
}

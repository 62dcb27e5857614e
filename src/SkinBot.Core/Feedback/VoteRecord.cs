namespace SkinBot.Core.Feedback;

/// <summary>One person's vote on one answer; a later vote by the same person on the same answer replaces it.</summary>
public sealed record VoteRecord(AnswerId Answer, UserHash User, Vote Vote, VoteReason Reason, string Platform, DateTimeOffset At)
{
    /// <summary>The person's own words about a 👎: kept only with Feedback:StoreQuestionText, like the question.</summary>
    public string? ReasonText { get; init; }
}

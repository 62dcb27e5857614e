namespace SkinBot.Core.Feedback;

/// <summary>
/// One vote as a door receives it: who (the platform's raw id, hashed before it goes anywhere), on which answer,
/// which way, and for a 👎 the optional reason and the person's own words.
/// </summary>
public sealed record VoteBallot(string Platform, string UserId, AnswerId Answer, Vote Vote)
{
    public VoteReason Reason { get; init; }

    public string? ReasonText { get; init; }
}

namespace SkinBot.Core.Feedback;

/// <summary>
/// Where a platform adapter hands a vote: the host's feedback service, which hashes the person and queues the vote.
/// Absent when feedback is not registered; adapters then show no vote buttons' effect beyond a polite reply.
/// </summary>
public interface IFeedbackVotes
{
    /// <summary>Takes one person's vote on one answer (a later vote replaces it) and returns the quiet acknowledgement to show.</summary>
    string Vote(string platform, string userId, AnswerId answer, Vote vote, VoteReason reason, string? reasonText);
}

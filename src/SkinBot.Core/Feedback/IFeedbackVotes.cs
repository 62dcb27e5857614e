namespace SkinBot.Core.Feedback;

/// <summary>
/// Where a platform adapter hands a vote: the host's feedback service, which hashes the person and queues the vote.
/// Absent when feedback is not registered; adapters then acknowledge a press politely and keep nothing.
/// </summary>
public interface IFeedbackVotes
{
    /// <summary>
    /// Takes one person's vote on one answer (a later vote replaces it) and says how it relates to their earlier one,
    /// with the quiet acknowledgement to show. Not on the answer path: it may look up the earlier vote, briefly.
    /// </summary>
    Task<VoteReceipt> VoteAsync(VoteBallot ballot, CancellationToken cancellationToken);
}

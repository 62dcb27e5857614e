using System.Collections.Concurrent;
using SkinBot.Core.Feedback;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// The host's vote service as the adapter sees it: keeps every ballot it is handed and one vote per person per
/// answer, so what a press does (first, same, changed) comes from the ballots the adapter really sent.
/// </summary>
internal sealed class RecordingVotes : IFeedbackVotes
{
    private readonly ConcurrentDictionary<(AnswerId, string), Vote> _current = new();

    public ConcurrentQueue<VoteBallot> Ballots { get; } = new();

    public Task<VoteReceipt> VoteAsync(VoteBallot ballot, CancellationToken cancellationToken)
    {
        Ballots.Enqueue(ballot);
        var key = (ballot.Answer, ballot.UserId);
        var change = _current.TryGetValue(key, out var earlier)
            ? earlier == ballot.Vote ? VoteChange.Same : VoteChange.Changed
            : VoteChange.First;
        _current[key] = ballot.Vote;
        return Task.FromResult(new VoteReceipt(change, ballot.Vote, $"{change} {ballot.Vote.ToName()}"));
    }
}

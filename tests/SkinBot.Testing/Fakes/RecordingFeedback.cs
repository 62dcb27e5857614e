using System.Collections.Concurrent;
using SkinBot.Core.Feedback;
using SkinBot.Core.Turns;

namespace SkinBot.Testing.Fakes;

/// <summary>
/// Stands in for the host's feedback in adapter tests. As a pipeline step it gives every answer an id, as the host's
/// does, so adapters show vote buttons; as the vote service it keeps every ballot it is handed and one vote per
/// person per answer, so what a press did (first, same, changed) follows from the ballots the adapter really sent.
/// </summary>
public sealed class RecordingFeedback : ITurnMiddleware, IFeedbackVotes
{
    private readonly ConcurrentDictionary<(AnswerId, string), Vote> _current = new();

    public ConcurrentQueue<VoteBallot> Ballots { get; } = new();

    public ConcurrentQueue<AnswerId> Issued { get; } = new();

    /// <summary>The acknowledgement text: what the press did and which way, e.g. "First up", "Same up", "Changed down".</summary>
    public static string Said(VoteChange change, Vote vote) => $"{change} {vote.ToName()}";

    public async ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        var result = await next(turn, cancellationToken);
        if (result is not TurnResult.Answered answered)
        {
            return result;
        }

        var id = AnswerId.New();
        Issued.Enqueue(id);
        return new TurnResult.Answered(answered.Answer with { Id = id });
    }

    public Task<VoteReceipt> VoteAsync(VoteBallot ballot, CancellationToken cancellationToken)
    {
        Ballots.Enqueue(ballot);
        var key = (ballot.Answer, ballot.UserId);
        var change = _current.TryGetValue(key, out var earlier)
            ? earlier == ballot.Vote ? VoteChange.Same : VoteChange.Changed
            : VoteChange.First;
        _current[key] = ballot.Vote;
        return Task.FromResult(new VoteReceipt(change, ballot.Vote, Said(change, ballot.Vote)));
    }
}

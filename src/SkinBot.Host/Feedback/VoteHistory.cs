using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>
/// Tells a first vote from a repeated or a changed one. Votes this process took lately are remembered in a bounded
/// map, because a vote still waiting in the writer's queue is not in the database yet (a quick second press would
/// otherwise look like a first). Anything else is asked of the store, awaited but only for
/// <see cref="FeedbackOptions.VoteLookupTimeout"/>: a vote press is not an answer, so a short wait is allowed, and it
/// makes the answer right after a restart and on another replica; when the database is slow or down the press is
/// acknowledged as a first vote rather than late (Discord gives an interaction 3 s).
/// </summary>
internal sealed partial class VoteHistory(IFeedbackStore store, IOptions<FeedbackOptions> options, ILogger<VoteHistory> logger, int capacity = 20_000)
{
    private readonly ConcurrentDictionary<(AnswerId Answer, UserHash User), Vote> _votes = new();
    private readonly ConcurrentQueue<(AnswerId Answer, UserHash User)> _order = new();

    public async Task<Vote?> EarlierAsync(AnswerId answer, UserHash user, CancellationToken cancellationToken)
    {
        if (_votes.TryGetValue((answer, user), out var remembered))
        {
            return remembered;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.VoteLookupTimeout);
        try
        {
            // WaitAsync as well: a driver that ignores cancellation while connecting must not hold the press.
            return await store.FindVoteAsync(answer, user, budget.Token).WaitAsync(budget.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(exception.GetType().Name);
            return null;
        }
    }

    public void Remember(AnswerId answer, UserHash user, Vote vote)
    {
        var key = (answer, user);
        var added = false;
        _votes.AddOrUpdate(key, _ => { added = true; return vote; }, (_, _) => vote);
        if (!added)
        {
            return;
        }

        _order.Enqueue(key);
        while (_votes.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _votes.TryRemove(oldest, out _);
        }
    }

    /// <summary>After "forget", a press on an old answer is a first vote again.</summary>
    public void Forget(UserHash user)
    {
        foreach (var key in _votes.Keys.Where(key => key.User == user))
        {
            _votes.TryRemove(key, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not look up an earlier vote in time ({ErrorType}); acknowledged as a first vote")]
    private partial void LogLookupFailed(string errorType);
}

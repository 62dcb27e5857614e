using Microsoft.Extensions.Options;

namespace SkinBot.Teams.Activities;

/// <summary>
/// Remembers which (activity id, conversation id) pairs were accepted, so an activity Teams redelivers
/// (it does after ~15 s without an answer) is answered once. Memory is bounded by count and by age.
/// </summary>
internal sealed class ActivityDeduplicator
{
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly int _capacity;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    public ActivityDeduplicator(IOptions<TeamsOptions> options, TimeProvider time)
    {
        _capacity = options.Value.DedupeCapacity;
        _window = options.Value.DedupeWindow;
        _time = time;
    }

    /// <summary>True the first time a pair is seen; false for a redelivery.</summary>
    public bool TryClaim(string activityId, string conversationId)
    {
        var key = Key(activityId, conversationId);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Evict(now);
            if (_seen.ContainsKey(key))
            {
                return false;
            }

            _seen[key] = now;
            _order.Enqueue((key, now));
            return true;
        }
    }

    /// <summary>Forgets a claim whose activity could not be queued, so Teams' redelivery is answered.</summary>
    public void Release(string activityId, string conversationId)
    {
        lock (_gate)
        {
            // The queue entry stays behind and is skipped on eviction because its timestamp no longer matches.
            _seen.Remove(Key(activityId, conversationId));
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    private void Evict(DateTimeOffset now)
    {
        while (_order.Count > 0 && (_order.Count >= _capacity || now - _order.Peek().At > _window))
        {
            var (key, at) = _order.Dequeue();
            if (_seen.TryGetValue(key, out var seenAt) && seenAt == at)
            {
                _seen.Remove(key);
            }
        }
    }

    private static string Key(string activityId, string conversationId) => string.Concat(conversationId, "\n", activityId);
}

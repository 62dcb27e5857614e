using System.Collections.Concurrent;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>
/// The intents of the answers this process gave lately, so a vote can be counted by intent in /metrics without
/// trusting an intent sent back by a client or reading the database. Bounded: the oldest are forgotten first.
/// </summary>
internal sealed class RecentAnswers(int capacity = 20_000)
{
    public const string UnknownIntent = "unknown";

    private readonly ConcurrentDictionary<AnswerId, string> _intents = new();
    private readonly ConcurrentQueue<AnswerId> _order = new();

    // Counted here because ConcurrentDictionary.Count takes every one of its locks: read on every answer, that made
    // the answering threads queue behind each other.
    private int _count;

    public void Remember(AnswerId id, string intent)
    {
        if (_intents.TryAdd(id, intent))
        {
            _order.Enqueue(id);
            Interlocked.Increment(ref _count);
            while (Volatile.Read(ref _count) > capacity && _order.TryDequeue(out var oldest))
            {
                if (_intents.TryRemove(oldest, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }

    public string IntentOf(AnswerId id) => _intents.TryGetValue(id, out var intent) ? intent : UnknownIntent;
}

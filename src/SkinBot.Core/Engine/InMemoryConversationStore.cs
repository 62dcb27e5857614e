using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SkinBot.Core.Conversations;

namespace SkinBot.Core.Engine;

/// <summary>
/// The default follow-up memory: a bounded dictionary in this process. Entries expire after
/// <see cref="EngineOptions.FollowUpWindow"/>; when full, the oldest entries are evicted, so memory stays bounded
/// however many people talk to the bot.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<EngineOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConcurrentDictionary<string, ConversationContext> _entries = new(StringComparer.Ordinal);
    private int _evicting;

    // About how many entries there are, kept here because ConcurrentDictionary.Count takes every one of its locks and
    // every answer would read it. A race can leave it off by one or two; each eviction sets it from the real count.
    private int _approximateCount;

    public ValueTask<ConversationContext?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var context))
        {
            if (time.GetUtcNow() - context.AnsweredAt <= options.Value.FollowUpWindow)
            {
                return ValueTask.FromResult<ConversationContext?>(context);
            }

            if (_entries.TryRemove(new KeyValuePair<string, ConversationContext>(key, context)))
            {
                Interlocked.Decrement(ref _approximateCount);
            }
        }

        return ValueTask.FromResult<ConversationContext?>(null);
    }

    public ValueTask SetAsync(string key, ConversationContext context, CancellationToken cancellationToken)
    {
        if (_entries.TryAdd(key, context))
        {
            Interlocked.Increment(ref _approximateCount);
        }
        else
        {
            _entries[key] = context;
        }

        if (Volatile.Read(ref _approximateCount) > options.Value.MaxConversations
            && Interlocked.CompareExchange(ref _evicting, 1, 0) == 0)
        {
            // One evictor at a time; the others carry on and the next check catches anything left.
            try
            {
                Evict();
            }
            finally
            {
                Volatile.Write(ref _evicting, 0);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> ForgetUserAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var key in _entries.Keys)
        {
            if (ConversationKeys.BelongsTo(key, platform, userId) && _entries.TryRemove(key, out _))
            {
                Interlocked.Decrement(ref _approximateCount);
                removed++;
            }
        }

        return ValueTask.FromResult(removed);
    }

    private void Evict()
    {
        var cutoff = time.GetUtcNow() - options.Value.FollowUpWindow;
        foreach (var (key, context) in _entries)
        {
            if (context.AnsweredAt < cutoff)
            {
                // Remove only the entry that was read: a conversation refreshed meanwhile keeps its memory.
                _entries.TryRemove(new KeyValuePair<string, ConversationContext>(key, context));
            }
        }

        var excess = _entries.Count - options.Value.MaxConversations;
        if (excess > 0)
        {
            // ToArray is the dictionary's own snapshot, taken under its locks: LINQ over the live dictionary copies it
            // with a count read before the copy, and an answer stored in between made that copy throw.
            foreach (var entry in _entries.ToArray().OrderBy(e => e.Value.AnsweredAt).Take(excess + (options.Value.MaxConversations / 10)))
            {
                _entries.TryRemove(entry);
            }
        }

        Volatile.Write(ref _approximateCount, _entries.Count);
    }
}

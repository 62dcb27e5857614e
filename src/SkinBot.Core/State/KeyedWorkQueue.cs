namespace SkinBot.Core.State;

/// <summary>
/// Work kept in order per key (a Discord channel, a Teams conversation): each key's items are worked one at a time, in
/// arrival order, while different keys proceed independently. Whoever is told to schedule a key owns it until
/// <see cref="Complete"/> says it has nothing left, so two workers never hold one key. Counts everything accepted until
/// it is completed, for capacity and for shutdown to wait on.
/// </summary>
public sealed class KeyedWorkQueue<TKey, TItem>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Queue<TItem>> _keys = new(comparer);
    private int _pending;
    private TaskCompletionSource _idle = Idle();

    /// <summary>Items accepted and not yet completed (waiting or being worked).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Adds the item unless <paramref name="capacity"/> items are already pending.</summary>
    /// <param name="schedule">True when the key had nothing pending: the caller now owns it and must have it worked.</param>
    public bool TryAdd(TKey key, TItem item, int capacity, out bool schedule)
    {
        lock (_gate)
        {
            schedule = false;
            if (_pending >= capacity)
            {
                return false;
            }

            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (_keys.TryGetValue(key, out var queue))
            {
                queue.Enqueue(item);
            }
            else
            {
                _keys.Add(key, new Queue<TItem>([item]));
                schedule = true;
            }

            return true;
        }
    }

    /// <summary>The owned key's next item; it stays at the head (and the key stays owned) until <see cref="Complete"/>.</summary>
    public TItem Next(TKey key)
    {
        lock (_gate)
        {
            return _keys[key].Peek();
        }
    }

    /// <summary>The head item of the owned key is done. True when the key has more: the owner keeps it (or schedules it again).</summary>
    public bool Complete(TKey key)
    {
        lock (_gate)
        {
            var queue = _keys[key];
            queue.Dequeue();
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }

            if (queue.Count > 0)
            {
                return true;
            }

            _keys.Remove(key);
            return false;
        }
    }

    /// <summary>Completes when nothing is pending.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }
}

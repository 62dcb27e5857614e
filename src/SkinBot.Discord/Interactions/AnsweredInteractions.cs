using System.Collections.Concurrent;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// The responses this replica sent lately, by interaction id, so a second copy of a signed interaction gets the same
/// bytes the first one got and nothing runs again: a proxy that retries a POST whose response it lost then gets the
/// answer instead of a refusal. Bounded by count (the oldest go first); a copy of an interaction this replica does not
/// hold (answered elsewhere, or long ago) is still refused as a replay.
/// </summary>
internal sealed class AnsweredInteractions(int capacity = AnsweredInteractions.DefaultCapacity)
{
    /// <summary>About 5 MB of responses at most: minutes of a busy bot's interactions, far longer than any retry.</summary>
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<Snowflake, TaskCompletionSource<byte[]>> _responses = new();
    private readonly ConcurrentQueue<Snowflake> _order = new();

    // Counted here because ConcurrentDictionary.Count takes every one of its locks.
    private int _count;

    /// <summary>Holds a place for the response to <paramref name="id"/>, which <see cref="Sent"/> or <see cref="Failed"/> fills.</summary>
    public void Begin(Snowflake id)
    {
        if (!_responses.TryAdd(id, new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously)))
        {
            return;
        }

        _order.Enqueue(id);
        Interlocked.Increment(ref _count);
        while (Volatile.Read(ref _count) > capacity && _order.TryDequeue(out var oldest))
        {
            if (_responses.TryRemove(oldest, out var dropped))
            {
                // Whoever still waits on it is refused as a replay.
                dropped.TrySetResult([]);
                Interlocked.Decrement(ref _count);
            }
        }
    }

    public void Sent(Snowflake id, byte[] response)
    {
        if (_responses.TryGetValue(id, out var slot))
        {
            slot.TrySetResult(response);
        }
    }

    /// <summary>The first copy got no response worth repeating: later copies are refused.</summary>
    public void Failed(Snowflake id)
    {
        if (_responses.TryGetValue(id, out var slot))
        {
            slot.TrySetResult([]);
        }
    }

    /// <summary>
    /// The response the first copy got, waiting for it while the first copy is still being answered (at most
    /// <paramref name="wait"/>); null when this replica holds none.
    /// </summary>
    public async Task<byte[]?> ResponseToAsync(Snowflake id, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!_responses.TryGetValue(id, out var slot))
        {
            return null;
        }

        try
        {
            var response = await slot.Task.WaitAsync(wait, cancellationToken);
            return response.Length == 0 ? null : response;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}

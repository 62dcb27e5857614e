using Microsoft.Extensions.Options;

namespace SkinBot.Core.State;

/// <summary>
/// The default ledger for one process: bounded by count and by age, so memory stays flat however busy the bot is.
/// </summary>
public sealed class InMemoryDeliveryLedger(IOptions<DeliveryLedgerOptions> options, TimeProvider time) : IDeliveryLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DeliveryKey, DateTimeOffset> _seen = [];
    private readonly Queue<(DeliveryKey Key, DateTimeOffset At)> _order = new();

    /// <summary>How many claims are remembered now.</summary>
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

    public bool TryClaim(DeliveryKey key)
    {
        var now = time.GetUtcNow();
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

    public void Release(DeliveryKey key)
    {
        lock (_gate)
        {
            // The queue entry stays behind and is skipped on eviction because its timestamp no longer matches.
            _seen.Remove(key);
        }
    }

    public ValueTask<bool> TryClaimAsync(DeliveryKey key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryClaim(key));

    public ValueTask ReleaseAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        Release(key);
        return ValueTask.CompletedTask;
    }

    private void Evict(DateTimeOffset now)
    {
        var capacity = options.Value.Capacity;
        var window = options.Value.Window;
        while (_order.Count > 0 && (_order.Count >= capacity || now - _order.Peek().At > window))
        {
            var (key, at) = _order.Dequeue();
            if (_seen.TryGetValue(key, out var seenAt) && seenAt == at)
            {
                _seen.Remove(key);
            }
        }
    }
}

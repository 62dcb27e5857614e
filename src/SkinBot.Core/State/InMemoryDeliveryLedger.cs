using Microsoft.Extensions.Options;

namespace SkinBot.Core.State;

/// <summary>
/// The default ledger for one process: bounded by count and by age, so memory stays flat however busy the bot is.
/// </summary>
public sealed class InMemoryDeliveryLedger(IOptions<DeliveryLedgerOptions> options, TimeProvider time) : IDeliveryLedger
{
    private readonly Lock gate = new();
    private readonly Dictionary<DeliveryKey, DateTimeOffset> seen = [];
    private readonly Queue<(DeliveryKey Key, DateTimeOffset At)> order = new();

    /// <summary>How many claims are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }

    public bool TryClaim(DeliveryKey key)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            Evict(now);
            if (seen.ContainsKey(key))
            {
                return false;
            }

            seen[key] = now;
            order.Enqueue((key, now));
            return true;
        }
    }

    public void Release(DeliveryKey key)
    {
        lock (gate)
        {
            // The queue entry stays behind and is skipped on eviction because its timestamp no longer matches.
            seen.Remove(key);
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
        while (order.Count > 0 && (order.Count >= capacity || now - order.Peek().At > window))
        {
            var (key, at) = order.Dequeue();
            if (seen.TryGetValue(key, out var seenAt) && seenAt == at)
            {
                seen.Remove(key);
            }
        }
    }
}

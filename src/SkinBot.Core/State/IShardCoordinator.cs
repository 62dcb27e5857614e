namespace SkinBot.Core.State;

/// <summary>
/// What the processes running Discord gateway shards share: a lease per shard (one runner at a time), the session a
/// replacement resumes, and the IDENTIFY gate per <c>shard % max_concurrency</c> bucket. In memory for one process;
/// in Redis when several replicas run the gateway.
/// </summary>
/// <remarks>Calls may throw while shared state is unreachable; the gateway treats that as "unknown", not "lost".</remarks>
public interface IShardCoordinator
{
    /// <summary>True when a stored session survives this process, so shutting down should leave it resumable.</summary>
    bool SessionOutlivesProcess { get; }

    /// <summary>A lease with a fencing token greater than every earlier one for this shard, or null while another process holds it.</summary>
    ValueTask<ShardLease?> TryAcquireAsync(int shardId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>False when the lease was lost (it expired and someone else took the shard): stop running it.</summary>
    ValueTask<bool> RenewAsync(ShardLease lease, TimeSpan ttl, CancellationToken cancellationToken);

    ValueTask ReleaseAsync(ShardLease lease, CancellationToken cancellationToken);

    ValueTask<ShardSession?> LoadSessionAsync(int shardId, CancellationToken cancellationToken);

    /// <summary>Stores the session unless a newer lease fenced this one out; returns whether it was stored.</summary>
    ValueTask<bool> SaveSessionAsync(ShardLease lease, ShardSession session, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Drops the stored session (it was invalidated), unless a newer lease fenced this one out.</summary>
    ValueTask ForgetSessionAsync(ShardLease lease, CancellationToken cancellationToken);

    /// <summary>Waits until this shard's IDENTIFY bucket is free, then holds it for <paramref name="spacing"/>.</summary>
    ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the bucket for <paramref name="spacing"/> from now, once IDENTIFY has gone out: Discord counts from when it
    /// arrives, so the time spent connecting between taking the slot and sending must not shorten the gap.
    /// </summary>
    ValueTask IdentifySentAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken);
}

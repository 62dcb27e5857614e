namespace SkinBot.Core.State;

/// <summary>
/// Limits a remote API announces ("N requests left until the reset"), shared by every replica so that together they
/// spend one allowance, not one each. Unknown buckets are open. Answers null when the shared store is unreachable:
/// the caller then relies on what it learned itself.
/// </summary>
public interface ISharedQuota
{
    /// <summary>Takes one request: <see cref="TimeSpan.Zero"/> when granted, else how long until the bucket resets.</summary>
    ValueTask<TimeSpan?> TryTakeAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>What the API just announced. Within one window the lower count wins, since answers from replicas arrive out of order.</summary>
    ValueTask SetAsync(string bucket, int remaining, TimeSpan resetAfter, CancellationToken cancellationToken);
}

namespace SkinBot.Core.State;

/// <summary>
/// A token bucket every replica draws from, so N replicas together allow what one would. Answers null when the
/// shared store is unreachable: the caller then limits on its own local bucket.
/// </summary>
public interface ISharedRateLimiter
{
    /// <summary>Takes one token from a bucket of <paramref name="capacity"/> tokens refilled at <paramref name="tokensPerSecond"/>.</summary>
    ValueTask<SharedTake?> TryTakeAsync(string bucket, int capacity, double tokensPerSecond, CancellationToken cancellationToken);

    /// <summary>A per-minute allowance that may be spent in one burst (a person's or a channel's messages).</summary>
    ValueTask<SharedTake?> TryTakeAsync(string bucket, int permitsPerMinute, CancellationToken cancellationToken);
}

/// <summary>One attempt on a shared bucket: granted, or how long until the next token.</summary>
public readonly record struct SharedTake(bool Granted, TimeSpan RetryAfter);

namespace SkinBot.Discord.Gateway;

/// <summary>
/// Which shards this process connects. A pinned <see cref="DiscordOptions.ShardId"/> runs that one shard; otherwise the
/// gateway replicas share <see cref="DiscordOptions.ShardCount"/> shards by ordinal: replica <c>r</c> of <c>R</c> owns
/// every shard <c>s</c> with <c>s % R == r</c>.
/// </summary>
/// <remarks>
/// Strided rather than contiguous because Discord paces IDENTIFY per bucket <c>shard_id % max_concurrency</c>: with
/// as many replicas as <c>max_concurrency</c> (or a multiple of it) every replica's shards fall in buckets no other replica
/// uses, so replicas that start together do not contend, and each spaces only its own identifies.
/// </remarks>
internal static class ShardAssignment
{
    public static IReadOnlyList<GatewayShard> Owned(int shardCount, int replicas, int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, replicas);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, replicas);
        return [.. Enumerable.Range(0, shardCount).Where(id => id % replicas == ordinal).Select(id => new GatewayShard(id, shardCount))];
    }

    /// <summary>The shards of validated <paramref name="options"/>.</summary>
    public static IReadOnlyList<GatewayShard> Owned(DiscordOptions options) => options.ShardId is { } pinned
        ? [new GatewayShard(pinned, options.ShardCount)]
        : Owned(options.ShardCount, options.GatewayReplicas, options.GatewayOrdinal ?? 0);
}

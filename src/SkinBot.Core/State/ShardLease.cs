namespace SkinBot.Core.State;

/// <summary>
/// The right to run one gateway shard, held by one process. <paramref name="FencingToken"/> grows with every new
/// holder, so a holder that was replaced (a pod paused past its lease) is refused when it writes the shard's session.
/// </summary>
public sealed record ShardLease(int ShardId, long FencingToken);

namespace SkinBot.Redis;

/// <summary>What a replacement pod needs to RESUME a shard instead of identifying again.</summary>
internal sealed record ShardSession(string SessionId, long Sequence, Uri ResumeUrl);

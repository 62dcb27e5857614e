namespace SkinBot.Core.State;

/// <summary>
/// What a replacement process needs to RESUME a Discord gateway shard instead of identifying again: the session, the
/// last sequence it saw, where to resume, and the bot's own user id (READY carries it and a resume does not repeat READY).
/// </summary>
public sealed record ShardSession(string SessionId, long Sequence, Uri ResumeUrl, ulong BotUserId);

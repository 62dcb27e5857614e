namespace SkinBot.Discord.Gateway;

internal static class GatewayOpcode
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT, nothing more.</summary>
internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int MessageContent = 1 << 15;
    public const int SkinBot = Guilds | GuildMessages | DirectMessages | MessageContent;
}

internal enum GatewayNext
{
    /// <summary>Reconnect (to resume_gateway_url when there is a session) and RESUME.</summary>
    Resume,

    /// <summary>Forget the session and IDENTIFY afresh on the normal gateway URL.</summary>
    Identify,

    /// <summary>A fatal close code: reconnecting cannot help.</summary>
    Stop,
}

/// <summary>How one connection ended and what to do next.</summary>
internal sealed record GatewayOutcome(GatewayNext Next, string Reason, bool WasReady, int? CloseCode = null, bool InvalidSession = false)
{
    /// <summary>The socket never opened (so a stale resume URL may be to blame).</summary>
    public bool ConnectFailed { get; init; }
}

/// <summary>What Discord's close codes mean for the next step.</summary>
internal static class GatewayCloseCodes
{
    public static GatewayNext Classify(int code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => GatewayNext.Stop,
        4003 or 4007 or 4009 => GatewayNext.Identify,
        _ => GatewayNext.Resume,
    };

    public static string Describe(int code) => code switch
    {
        4000 => "unknown error",
        4001 => "unknown opcode",
        4002 => "decode error",
        4003 => "not authenticated",
        4004 => "authentication failed: check Discord:BotToken",
        4005 => "already authenticated",
        4007 => "invalid sequence",
        4008 => "rate limited",
        4009 => "session timed out",
        4010 => "invalid shard: check Discord:ShardCount, Discord:GatewayReplicas and Discord:ShardId",
        4011 => "sharding required: raise Discord:ShardCount",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable the MESSAGE CONTENT intent in the developer portal",
        _ => "connection closed",
    };
}

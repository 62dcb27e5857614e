namespace SkinBot.Discord;

/// <summary>
/// Configuration section "Discord". Secrets (<see cref="BotToken"/>) come from environment variables or user
/// secrets, e.g. <c>SKINBOT__Discord__BotToken</c>; this class deliberately has no ToString that could print them.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the developer portal. Without it the gateway session does not start.</summary>
    public string? BotToken { get; set; }

    /// <summary>Application id (snowflake); needed for command registration and interaction webhooks.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex characters. Without it the interactions endpoint answers 404.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Channel ids where SkinBot answers every message, not only mentions.</summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>
    /// Pins this process to one shard (manual sharding). Unset, the process runs the shards its
    /// <see cref="GatewayOrdinal"/> owns among <see cref="GatewayReplicas"/>: all of them when there is one replica.
    /// </summary>
    public int? ShardId { get; set; }

    /// <summary>How many shards the bot runs with, across every gateway replica (IDENTIFY's second shard number).</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>How many gateway processes share the shards (the StatefulSet's replicas); each needs a distinct ordinal.</summary>
    public int GatewayReplicas { get; set; } = 1;

    /// <summary>
    /// This process's place among <see cref="GatewayReplicas"/>, 0-based: it owns shards <c>s % GatewayReplicas == GatewayOrdinal</c>.
    /// Unset with several replicas, it is read from the host name's <c>-N</c> suffix (a StatefulSet pod's name).
    /// </summary>
    public int? GatewayOrdinal { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Overrides the URL normally obtained from <c>GET /gateway/bot</c> (tests point it at a fake).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Sent in the User-Agent header, as Discord asks: "DiscordBot (url, version)".</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/skinbot/skinbot";

    /// <summary>How a channel reply is laid out: an embed with buttons, or plain text split into 2000-character messages.</summary>
    public DiscordReplyStyle ReplyStyle { get; set; } = DiscordReplyStyle.Embed;

    /// <summary>How long an interaction may wait for its answer before SkinBot defers; below 2.5 s (Discord allows 3 s in total, and the response still has to travel).</summary>
    public TimeSpan InteractionAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far X-Signature-Timestamp may be from now, either way, for an interaction request to be accepted; a
    /// request signed earlier (or claiming a later time) is refused with 401, and within the window an interaction
    /// id already seen is refused too, so a captured request cannot be replayed.
    /// </summary>
    public TimeSpan InteractionTimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A deferred answer whose first webhook call gets 404 is tried once more after this wait (within the token's
    /// 15 minutes): Discord can take a moment to register the deferred response.
    /// </summary>
    public TimeSpan DeferredEditRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When a channel answer takes longer than this, a typing indicator is shown.</summary>
    public TimeSpan TypingIndicatorDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A message handler running longer than this is logged by the watchdog.</summary>
    public TimeSpan HandlerWatchdogThreshold { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First delay of the exponential reconnect backoff (applied with jitter).</summary>
    public TimeSpan ReconnectBackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectBackoffMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Upper bound of the random wait after INVALID_SESSION (older docs advise 1-5 s).</summary>
    public TimeSpan InvalidSessionDelayMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum spacing of IDENTIFY sends (max_concurrency identifies per 5 s).</summary>
    public TimeSpan IdentifyInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a process's claim on a shard lasts without renewal (renewed every third of it). A crashed pod's shards
    /// wait this long for a replacement; a gracefully stopped pod hands them over at once.
    /// </summary>
    public TimeSpan ShardLeaseTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a running shard's session (id, sequence, resume URL) is saved for a replacement to resume.</summary>
    public TimeSpan SessionSaveInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after a 5xx or network error, per request.</summary>
    public int RestMaxRetries { get; set; } = 4;

    /// <summary>Retries after 429s, per request; they only delay a message, so the bound is generous.</summary>
    public int RestMaxRateLimitRetries { get; set; } = 20;

    public TimeSpan RestRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RestRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests per second under Discord's global limit (50 per bot); interaction routes are exempt.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>How long a channel that refused us for missing access or permissions (50001/50013) is left alone.</summary>
    public TimeSpan ForbiddenChannelBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many such channels are remembered at most.</summary>
    public int ForbiddenChannelCapacity { get; set; } = 10_000;

    /// <summary>Messages waiting to be answered across all channels; beyond this new ones are refused with a log line.</summary>
    public int MaxPendingMessages { get; set; } = 1_000;

    internal bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    internal bool HasPublicKey => !string.IsNullOrWhiteSpace(PublicKey);
}

public enum DiscordReplyStyle
{
    Embed,
    Text,
}

using Microsoft.Extensions.Options;

namespace SkinBot.Discord;

/// <summary>Rejects a configuration that could only fail later, at start-up, naming the key (never the secret).</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    /// <summary>A signed request older than an interaction token's 15 minutes is of no use to anyone but a replayer.</summary>
    private static readonly TimeSpan MaxTimestampTolerance = TimeSpan.FromMinutes(15);

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (options.HasPublicKey && !IsHex(options.PublicKey!.Trim(), 64))
        {
            errors.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !Snowflake.TryParse(options.ApplicationId.Trim(), out _))
        {
            errors.Add("Discord:ApplicationId must be a numeric snowflake.");
        }

        if (options.HasBotToken && options.BotToken!.Trim().Any(char.IsWhiteSpace))
        {
            errors.Add("Discord:BotToken must not contain whitespace (and must not start with \"Bot \").");
        }

        foreach (var channel in options.Channels)
        {
            if (!Snowflake.TryParse(channel?.Trim(), out _))
            {
                errors.Add("Discord:Channels must list numeric channel ids.");
                break;
            }
        }

        if (options.ShardCount < 1)
        {
            errors.Add("Discord:ShardCount must be at least 1.");
        }

        if (options.ShardId is < 0 || options.ShardId >= options.ShardCount)
        {
            errors.Add("Discord:ShardId must be between 0 and ShardCount - 1.");
        }

        ValidateReplicas(errors, options);

        // The bot token travels with every REST call and in the gateway's IDENTIFY: only over TLS, except to a
        // fake on this machine.
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || !IsEncryptedOrLoopback(api, Uri.UriSchemeHttps, Uri.UriSchemeHttp))
        {
            errors.Add("Discord:ApiBaseUrl must be an absolute https URL (plain http only to 127.0.0.1, ::1 or localhost).");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || !IsEncryptedOrLoopback(gateway, Uri.UriSchemeWss, Uri.UriSchemeWs)))
        {
            errors.Add("Discord:GatewayUrl must be an absolute wss URL (plain ws only to 127.0.0.1, ::1 or localhost).");
        }

        RequirePositive(errors, options.InteractionAnswerBudget, nameof(options.InteractionAnswerBudget));
        if (options.InteractionAnswerBudget >= Interactions.InteractionEndpoint.ResponseHardCap)
        {
            errors.Add("Discord:InteractionAnswerBudget must stay below 2.5 s: Discord's deadline is 3 s and the response still has to travel.");
        }

        if (options.InteractionTimestampTolerance <= TimeSpan.Zero || options.InteractionTimestampTolerance > MaxTimestampTolerance)
        {
            errors.Add("Discord:InteractionTimestampTolerance must be positive and at most 15 minutes (an interaction token's lifetime).");
        }

        RequirePositive(errors, options.DeferredEditRetryDelay, nameof(options.DeferredEditRetryDelay));
        RequirePositive(errors, options.ForbiddenChannelBackoff, nameof(options.ForbiddenChannelBackoff));
        if (options.ForbiddenChannelCapacity < 1)
        {
            errors.Add("Discord:ForbiddenChannelCapacity must be at least 1.");
        }

        RequirePositive(errors, options.TypingIndicatorDelay, nameof(options.TypingIndicatorDelay));
        RequirePositive(errors, options.HandlerWatchdogThreshold, nameof(options.HandlerWatchdogThreshold));
        RequirePositive(errors, options.ConnectTimeout, nameof(options.ConnectTimeout));
        RequirePositive(errors, options.ReconnectBackoffInitial, nameof(options.ReconnectBackoffInitial));
        RequirePositive(errors, options.ShardLeaseTtl, nameof(options.ShardLeaseTtl));
        RequirePositive(errors, options.SessionSaveInterval, nameof(options.SessionSaveInterval));
        RequirePositive(errors, options.RestRetryBaseDelay, nameof(options.RestRetryBaseDelay));
        RequirePositive(errors, options.RestTimeout, nameof(options.RestTimeout));
        if (options.ReconnectBackoffMax < options.ReconnectBackoffInitial)
        {
            errors.Add("Discord:ReconnectBackoffMax must be at least ReconnectBackoffInitial.");
        }

        if (options.RestRetryMaxDelay < options.RestRetryBaseDelay)
        {
            errors.Add("Discord:RestRetryMaxDelay must be at least RestRetryBaseDelay.");
        }

        if (options.InvalidSessionDelayMax < TimeSpan.Zero || options.IdentifyInterval < TimeSpan.Zero)
        {
            errors.Add("Discord:InvalidSessionDelayMax and Discord:IdentifyInterval must not be negative.");
        }

        if (options.RestMaxRetries is < 0 or > 10 || options.RestMaxRateLimitRetries is < 0 or > 100)
        {
            errors.Add("Discord:RestMaxRetries must be 0-10 and Discord:RestMaxRateLimitRetries 0-100.");
        }

        if (options.GlobalRequestsPerSecond is < 1 or > 50)
        {
            errors.Add("Discord:GlobalRequestsPerSecond must be 1-50.");
        }

        if (options.MaxPendingMessages < 1)
        {
            errors.Add("Discord:MaxPendingMessages must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateReplicas(List<string> errors, DiscordOptions options)
    {
        if (options.GatewayReplicas < 1)
        {
            errors.Add("Discord:GatewayReplicas must be at least 1.");
            return;
        }

        if (options.ShardId is not null && options.GatewayReplicas > 1)
        {
            errors.Add("Discord:ShardId pins one shard per process: leave it unset when Discord:GatewayReplicas shares the shards by ordinal.");
            return;
        }

        if (options.GatewayReplicas > options.ShardCount)
        {
            errors.Add("Discord:ShardCount must be at least Discord:GatewayReplicas: a gateway replica without a shard would do nothing.");
        }

        if (options.GatewayReplicas > 1 && options.GatewayOrdinal is null)
        {
            errors.Add("Discord:GatewayOrdinal is not set and the host name ends in no -N (a StatefulSet pod's ordinal): set it, e.g. from the apps.kubernetes.io/pod-index label.");
        }
        else if (options.GatewayOrdinal is { } ordinal && (ordinal < 0 || ordinal >= options.GatewayReplicas))
        {
            errors.Add("Discord:GatewayOrdinal must be between 0 and GatewayReplicas - 1.");
        }
    }

    private static bool IsEncryptedOrLoopback(Uri uri, string secure, string plain) =>
        uri.Scheme == secure || (uri.Scheme == plain && (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)));

    internal static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);

    private static void RequirePositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Discord:{name} must be positive.");
        }
    }
}

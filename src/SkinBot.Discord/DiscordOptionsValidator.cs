using Microsoft.Extensions.Options;

namespace SkinBot.Discord;

/// <summary>Rejects a configuration that could only fail later, at start-up, naming the key (never the secret).</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
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

        if (options.ShardId < 0 || options.ShardId >= options.ShardCount)
        {
            errors.Add("Discord:ShardId must be between 0 and ShardCount - 1.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("Discord:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws")))
        {
            errors.Add("Discord:GatewayUrl must be an absolute ws(s) URL.");
        }

        RequirePositive(errors, options.InteractionAnswerBudget, nameof(options.InteractionAnswerBudget));
        if (options.InteractionAnswerBudget >= Interactions.InteractionEndpoint.ResponseHardCap)
        {
            errors.Add("Discord:InteractionAnswerBudget must stay below 2.5 s: Discord's deadline is 3 s and the response still has to travel.");
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

        if (options.DeduplicationCapacity < 100 || options.MaxPendingMessages < 1)
        {
            errors.Add("Discord:DeduplicationCapacity must be at least 100 and Discord:MaxPendingMessages at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);

    private static void RequirePositive(List<string> errors, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"Discord:{name} must be positive.");
        }
    }
}

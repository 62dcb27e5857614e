using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Gateway;

/// <summary>Where to IDENTIFY and how many identifies Discord admits at once (<c>max_concurrency</c>).</summary>
internal sealed record GatewayEndpoint(Uri Url, int MaxConcurrency);

/// <summary>The configured gateway URL, or GET /gateway/bot, waiting out an exhausted daily identify budget.</summary>
internal sealed partial class GatewayEndpoints(IOptions<DiscordOptions> options, DiscordRestClient rest, TimeProvider time, ILogger<GatewayEndpoints> logger)
{
    private readonly DiscordOptions _settings = options.Value;

    public async Task<GatewayEndpoint> LookupAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_settings.GatewayUrl))
        {
            // Without /gateway/bot nothing says how many buckets there are; one bucket spaces every identify, which is never too fast.
            return new GatewayEndpoint(new Uri(_settings.GatewayUrl), MaxConcurrency: 1);
        }

        var info = await rest.GetGatewayBotAsync(cancellationToken);
        if (info.SessionStartLimit is { Remaining: <= 0 } limit)
        {
            // Going over 1000 identifies a day resets the bot token, so wait instead.
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            LogIdentifyBudgetExhausted(wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }

        return new GatewayEndpoint(new Uri(info.Url), Math.Max(1, info.SessionStartLimit?.MaxConcurrency ?? 1));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily identify budget exhausted; waiting {Seconds} s")]
    private partial void LogIdentifyBudgetExhausted(double seconds);
}

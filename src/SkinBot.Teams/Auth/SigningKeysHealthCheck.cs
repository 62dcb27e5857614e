using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SkinBot.Teams.Auth;

/// <summary>
/// Teams is "connected" when SkinBot can check the channel's tokens: the OpenID metadata and signing keys load.
/// Without them every inbound activity would be refused, so the instance should not take traffic.
/// </summary>
internal sealed class SigningKeysHealthCheck(BotFrameworkSigningKeys keys) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = await keys.LoadedKeyCountAsync(cancellationToken);
            return count > 0
                ? HealthCheckResult.Healthy($"{count} Bot Framework signing keys loaded")
                : HealthCheckResult.Unhealthy("the Bot Framework key set is empty");
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy("the Bot Framework signing keys cannot be loaded");
        }
    }
}

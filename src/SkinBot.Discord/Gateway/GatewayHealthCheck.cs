using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SkinBot.Discord.Gateway;

/// <summary>Ready when the gateway session is connected (after READY or RESUMED).</summary>
internal sealed class GatewayHealthCheck(GatewayStatus status) : IHealthCheck
{
    public const string Name = "discord-gateway";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Connected
            ? HealthCheckResult.Healthy("Discord gateway connected")
            : HealthCheckResult.Unhealthy(status.StoppedReason is { } reason ? "Discord gateway stopped: " + reason : "Discord gateway connecting"));
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SkinBot.Redis;

/// <summary>
/// Not ready while Redis is configured but unreachable: the replica still answers on local state, but a load
/// balancer should prefer replicas that share state.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.TryGetDatabase() is null
            ? HealthCheckResult.Unhealthy("Redis is configured but unreachable; answering on local state.")
            : HealthCheckResult.Healthy());
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkinBot.Core.Knowledge;

namespace SkinBot.Host.Indexing;

/// <summary>Ready once a corpus index is serving.</summary>
public sealed class IndexHealthCheck(KnowledgeBaseHolder holder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(holder.Fingerprint is { } fingerprint
            ? HealthCheckResult.Healthy($"corpus {fingerprint}")
            : HealthCheckResult.Unhealthy("the corpus index is not built yet"));
}

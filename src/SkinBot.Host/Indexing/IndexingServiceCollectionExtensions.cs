using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SkinBot.Host.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>The indexer and its metrics, without the background worker (the CLI builds once, in the foreground).</summary>
    public static IServiceCollection AddSkinBotIndexer(this IServiceCollection services)
    {
        services.TryAddSingleton<IndexMetrics>();
        services.TryAddSingleton<CorpusIndexer>();
        return services;
    }

    /// <summary>The indexer plus the background worker that builds at start-up and watches corpus/, and its readiness check.</summary>
    public static IServiceCollection AddSkinBotIndexing(this IServiceCollection services)
    {
        services.AddSkinBotIndexer();
        services.AddHostedService<IndexingWorker>();
        services.AddHealthChecks().AddCheck<IndexHealthCheck>("index", tags: ["ready"]);
        return services;
    }
}

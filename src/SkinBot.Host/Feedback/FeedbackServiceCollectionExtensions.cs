using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>Registers feedback storage, the batching writer, the purge and the pipeline step, from section <c>Feedback</c>.</summary>
public static class FeedbackServiceCollectionExtensions
{
    public static IServiceCollection AddSkinBotFeedback(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedbackOptions>, FeedbackOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FeedbackMetrics>();
        services.TryAddSingleton<RecentAnswers>(_ => new RecentAnswers());
        services.TryAddSingleton<IFeedbackStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FeedbackOptions>>().Value;
            return FeedbackStoreFactory.Create(options, DataFolder(options, contentRoot));
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FeedbackOptions>>().Value;
            return UserHashKeySource.Create(options, DataFolder(options, contentRoot));
        });
        services.TryAddSingleton(provider => new VoteHistory(
            provider.GetRequiredService<IFeedbackStore>(),
            provider.GetRequiredService<IOptions<FeedbackOptions>>(),
            provider.GetRequiredService<ILogger<VoteHistory>>()));
        services.TryAddSingleton<FeedbackWriter>();
        services.TryAddSingleton<FeedbackPurge>();
        services.TryAddSingleton<FeedbackService>();
        services.TryAddSingleton<FeedbackTurns>();
        services.TryAddSingleton<IFeedbackVotes>(provider => provider.GetRequiredService<FeedbackService>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<FeedbackWriter>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<FeedbackPurge>());
        return services;
    }

    /// <summary>Maps <c>POST /api/feedback</c> for the web chat's vote buttons, when feedback is registered.</summary>
    public static IEndpointRouteBuilder MapSkinBotFeedback(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(FeedbackApiEndpoint.Path, FeedbackApiEndpoint.HandleAsync);
        return endpoints;
    }

    internal static string DataFolder(FeedbackOptions options, string contentRoot) => Path.GetFullPath(options.DataPath, contentRoot);
}

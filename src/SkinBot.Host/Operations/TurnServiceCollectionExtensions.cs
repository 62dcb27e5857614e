using Microsoft.Extensions.DependencyInjection.Extensions;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Operations;

/// <summary>Composes the turn pipeline every door of the host runs.</summary>
public static class TurnServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITurnRunner"/>: telemetry (outermost, so a refusal is traced and counted too), then the abuse
    /// limits and the length cap, then the <see cref="IChatEngine"/> registered anywhere in the collection. Limits come
    /// from section <c>Limits</c>.
    /// </summary>
    public static IServiceCollection AddSkinBotTurns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSkinBotLimits(configuration);
        services.AddMetrics();
        services.TryAddSingleton<ChatMetrics>();
        services.TryAddSingleton<ChatRefusalLog>();
        services.TryAddSingleton<AbuseGuard>();
        services.TryAddSingleton<TurnTelemetry>();
        services.TryAddSingleton<TurnLimits>();
        services.AddSingleton<ITurnRunner>(provider => new TurnRunner(
            // Feedback (when registered) comes after the limits, so privacy and forget are rate limited like any message.
            new ITurnMiddleware?[] { provider.GetRequiredService<TurnTelemetry>(), provider.GetRequiredService<TurnLimits>(), provider.GetService<Feedback.FeedbackTurns>() }.OfType<ITurnMiddleware>(),
            provider.GetRequiredService<IChatEngine>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}

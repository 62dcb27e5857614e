using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Safety;

namespace SkinBot.Host.Operations;

/// <summary>
/// Puts <see cref="GuardedChatEngine"/> in front of whatever <see cref="IChatEngine"/> is registered, whatever its shape
/// (type, factory or instance) and lifetime: the original registration moves to a keyed slot and the decorator takes its place,
/// so every adapter that asks for <see cref="IChatEngine"/> goes through the limits.
/// </summary>
internal static class ChatEngineDecoration
{
    public const string InnerEngineKey = "SkinBot.Operations.InnerChatEngine";

    public static void Decorate(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DecorationMarker)))
        {
            return;
        }

        var index = LastIndexOfEngine(services);
        if (index < 0)
        {
            throw new InvalidOperationException(
                "AddSkinBotOperations wraps the registered IChatEngine with the abuse limits, but no IChatEngine is registered yet. " +
                "Register the engine first, then call AddSkinBotOperations.");
        }

        var original = services[index];
        services[index] = AsKeyed(original);
        services.Add(new ServiceDescriptor(typeof(IChatEngine), CreateGuarded, original.Lifetime));
        services.AddSingleton<DecorationMarker>();
        services.AddHostedService<DecorationCheck>();
    }

    private static GuardedChatEngine CreateGuarded(IServiceProvider services) => new(
        services.GetRequiredKeyedService<IChatEngine>(InnerEngineKey),
        services.GetRequiredService<AbuseGuard>(),
        services.GetRequiredService<ChatMetrics>(),
        services.GetRequiredService<ChatRefusalLog>(),
        // The real engine registers its screen; a stand-in engine (tests, tools) has no safety catalogue to screen with.
        services.GetService<IUrgentSignScreen>(),
        services.GetRequiredService<IOptions<LimitsOptions>>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<GuardedChatEngine>>());

    private static int LastIndexOfEngine(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IChatEngine) && !services[i].IsKeyedService)
            {
                return i;
            }
        }

        return -1;
    }

    private static ServiceDescriptor AsKeyed(ServiceDescriptor original)
    {
        if (original.ImplementationInstance is { } instance)
        {
            return new ServiceDescriptor(typeof(IChatEngine), InnerEngineKey, instance);
        }

        if (original.ImplementationFactory is { } factory)
        {
            return new ServiceDescriptor(typeof(IChatEngine), InnerEngineKey, (sp, _) => factory(sp), original.Lifetime);
        }

        return new ServiceDescriptor(typeof(IChatEngine), InnerEngineKey, original.ImplementationType!, original.Lifetime);
    }

    private sealed class DecorationMarker;

    /// <summary>
    /// Fails start-up when an engine was registered after the decoration: the last registration wins,
    /// and it would silently bypass the abuse limits.
    /// </summary>
    private sealed class DecorationCheck(IServiceScopeFactory scopes) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            using var scope = scopes.CreateScope();
            var engine = scope.ServiceProvider.GetRequiredService<IChatEngine>();
            if (engine is not GuardedChatEngine)
            {
                throw new InvalidOperationException(
                    $"The IChatEngine in use ({engine.GetType().FullName}) is not behind the abuse limits: " +
                    "it was registered after AddSkinBotOperations. Register the engine first, then call AddSkinBotOperations.");
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

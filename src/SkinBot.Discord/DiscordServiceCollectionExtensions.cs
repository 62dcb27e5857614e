using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using SkinBot.Discord.Commands;
using SkinBot.Discord.Gateway;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Messages;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord;

/// <summary>Registers the Discord adapter: options, REST client, interactions handler and gateway session.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Binds section "Discord" (validated at start), and registers the interactions handler, the REST client, the
    /// command registrar and the gateway session. The gateway runs only with a BotToken (it logs once when there is
    /// none), and only then is the "ready" health check for it registered. Needs an <see cref="Core.Turns.ITurnRunner"/>;
    /// uses an <see cref="Core.Corpus.ITopicCatalog"/> for autocomplete when one is registered.
    /// </summary>
    public static IServiceCollection AddSkinBotDiscord(this IServiceCollection services, IConfiguration configuration) =>
        AddSkinBotDiscord(services, configuration, runGateway: true);

    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration; section "Discord" is read.</param>
    /// <param name="runGateway">
    /// False for a process that serves only HTTP (a <c>web</c> replica): no gateway session is started and no gateway
    /// readiness check is registered, whatever the token, so a web replica never opens a second connection for a shard.
    /// </param>
    public static IServiceCollection AddSkinBotDiscord(this IServiceCollection services, IConfiguration configuration, bool runGateway)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DiscordOptions>>(new PodOrdinal.FromHost(() => Environment.MachineName)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();

        // No default HttpClient logging: request URIs of webhook routes contain interaction tokens.
        services.AddHttpClient(DiscordRestClient.HttpClientName).RemoveAllLoggers();
        services.TryAddSingleton<RateLimitBuckets>();
        services.TryAddSingleton<GlobalRateLimit>();
        services.TryAddSingleton<RestRetryPolicy>();
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<DiscordRestClient>(
            provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient(DiscordRestClient.HttpClientName)));
        services.TryAddSingleton(provider => new DiscordCommandRegistrar(
            provider.GetRequiredService<DiscordRestClient>(),
            provider.GetRequiredService<IOptions<DiscordOptions>>(),
            provider.GetRequiredService<ILogger<DiscordCommandRegistrar>>()));

        services.TryAddSingleton<InteractionSignatureVerifier>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<InteractionEndpoint>();
        services.TryAddSingleton(new AnsweredInteractions());

        services.TryAddSingleton<BotIdentity>();
        services.AddDeliveryLedger();
        services.TryAddSingleton<ChannelWorkQueue>();
        services.TryAddSingleton<ForbiddenChannels>();
        services.TryAddSingleton<MessageResponder>();
        services.TryAddSingleton<GatewayStatus>();
        services.TryAddSingleton<IGatewayDispatchSink, GatewayDispatcher>();
        services.TryAddSingleton<GatewayConnection>();
        services.TryAddSingleton<GatewayEndpoints>();
        services.TryAddSingleton<IShardCoordinator, InMemoryShardCoordinator>();
        if (!runGateway)
        {
            return services;
        }

        // Before the session: hosted services stop in reverse order, so the gateway stops taking messages, then these drain.
        services.AddHostedService<ChannelWorkQueueDrain>();
        services.AddHostedService<GatewaySession>();
        if (!string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.BotToken)]))
        {
            services.AddHealthChecks().AddCheck<GatewayHealthCheck>(GatewayHealthCheck.Name, tags: ["ready"]);
        }

        return services;
    }
}

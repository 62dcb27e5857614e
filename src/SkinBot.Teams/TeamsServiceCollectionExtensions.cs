using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using SkinBot.Teams.Activities;
using SkinBot.Teams.AppPackage;
using SkinBot.Teams.Auth;
using SkinBot.Teams.Connector;

namespace SkinBot.Teams;

/// <summary>Registers the Microsoft Teams (Bot Framework) adapter.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TeamsOptions"/> from the "Teams" section (validated at start), and registers the
    /// messaging endpoint's services, the answer workers and the app packager. Needs an <c>ITurnRunner</c>
    /// registered by the host. Without Teams:MicrosoftAppId the adapter stays registered but answers 404.
    /// </summary>
    public static IServiceCollection AddSkinBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TeamsMetrics>();

        services.AddHttpClient(BotFrameworkSigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(MsalBotTokenProvider.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<TeamsOptions>>().Value.SendTimeout)
            // The bot's bearer token goes only to the authenticated serviceUrl: never follow a redirect elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.TryAddSingleton<BotFrameworkSigningKeys>();
        services.TryAddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<ConnectorSendSlots>();
        services.TryAddSingleton<ConnectorRetryPolicy>();
        services.TryAddSingleton<ConnectorClient>();
        services.AddDeliveryLedger();
        services.TryAddSingleton<TurnQueue>();
        services.TryAddSingleton(_ => new AnsweredCards());
        services.TryAddSingleton<TurnProcessor>();
        services.TryAddSingleton<InvokeHandler>();
        services.TryAddSingleton<MessagesEndpoint>();
        services.TryAddSingleton<AppPackageBuilder>();
        services.AddHostedService<TurnWorker>();
        services.AddHostedService<TeamsStartupReporter>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{TeamsOptions.SectionName}:{nameof(TeamsOptions.MicrosoftAppId)}"]))
        {
            services.AddHealthChecks().AddCheck<SigningKeysHealthCheck>("teams-signing-keys", tags: ["ready"]);
        }

        return services;
    }
}

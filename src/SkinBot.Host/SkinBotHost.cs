using Microsoft.Extensions.Options;
using SkinBot.Core.Engine;
using SkinBot.Discord;
using SkinBot.Host.Feedback;
using SkinBot.Host.Indexing;
using SkinBot.Host.Operations;
using SkinBot.Host.Roles;
using SkinBot.Host.WebChat;
using SkinBot.Redis;
using SkinBot.Teams;

namespace SkinBot.Host;

/// <summary>
/// The long-running bot: indexing worker, web chat, Discord, Teams and the operator surface on one host, or the part of
/// them its <see cref="HostRole"/> (<c>Host:Role</c>) selects.
/// </summary>
public static class SkinBotHost
{
    /// <summary>The host with every endpoint mapped, ready to start.</summary>
    public static WebApplication Build(string[] args) => Build(args, configureServices: null);

    /// <param name="args">Command-line arguments, as for <see cref="Build(string[])"/>.</param>
    /// <param name="configureServices">Runs after every SkinBot registration; tests add an exporter or a logger there.</param>
    internal static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices)
    {
        var app = Create(args, configureServices);
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// The host with its services but no endpoints yet: mapping reads options (the Teams messaging path), so
    /// <c>skinbot serve</c> validates them in between and reports a bad one cleanly.
    /// </summary>
    public static WebApplication Create(string[] args) => Create(args, configureServices: null);

    private static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices)
    {
        var contentRoot = SkinBotPaths.FindContentRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddSkinBotSources();
        var listen = ListenUrls.Plan(builder.Configuration);
        ListenUrls.Apply(listen, builder.Configuration, builder.WebHost);

        builder.Services.AddSkinBotEngine(builder.Configuration, contentRoot);
        builder.Services.AddSkinBotIndexing();
        // Every door below runs its messages through this one pipeline: telemetry, limits, then the engine.
        builder.Services.AddSkinBotTurns(builder.Configuration);
        builder.Services.AddSkinBotFeedback(builder.Configuration, contentRoot);
        var role = HostRoleOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(role);
        builder.Services.AddSkinBotDiscord(builder.Configuration, runGateway: role.RunsGateway);
        if (role.ServesHttpDoors)
        {
            // Teams has a readiness check of its own (its signing keys): a gateway pod must not wait for it.
            builder.Services.AddSkinBotTeams(builder.Configuration);
        }

        builder.Services.AddSkinBotWebChat(builder.Configuration);
        builder.Services.AddSkinBotOperations(builder.Configuration);
        // Last: with Redis:Configuration set, shared state replaces the in-memory services added above.
        builder.Services.AddSkinBotRedis(builder.Configuration, OperationsExtensions.ReadyTag);
        builder.Services.AddSingleton<IValidateOptions<OperationsOptions>>(new ManagementPortValidator(listen.PublicPorts()));
        configureServices?.Invoke(builder.Services);

        return builder.Build();
    }

    public static void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSkinBotOperations();
        if (app.Services.GetService<HostRoleOptions>() is { ServesHttpDoors: false })
        {
            // A gateway process serves only the operator endpoints: its work arrives over the gateway's WebSocket.
            return;
        }

        app.MapSkinBotWebChat();
        app.MapSkinBotFeedback();
        app.MapSkinBotDiscord();
        app.MapSkinBotTeams();
    }
}

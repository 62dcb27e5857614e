using Microsoft.Extensions.Options;
using SkinBot.Core.Engine;
using SkinBot.Discord;
using SkinBot.Host.Feedback;
using SkinBot.Host.Indexing;
using SkinBot.Host.Operations;
using SkinBot.Host.WebChat;
using SkinBot.Teams;

namespace SkinBot.Host;

/// <summary>The long-running bot: indexing worker, web chat, Discord, Teams and the operator surface on one host.</summary>
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
        builder.Services.AddSkinBotDiscord(builder.Configuration);
        builder.Services.AddSkinBotTeams(builder.Configuration);
        builder.Services.AddSkinBotWebChat(builder.Configuration);
        builder.Services.AddSkinBotOperations(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<OperationsOptions>>(new ManagementPortValidator(listen.PublicPorts()));
        configureServices?.Invoke(builder.Services);

        return builder.Build();
    }

    public static void MapEndpoints(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSkinBotOperations();
        app.MapSkinBotWebChat();
        app.MapSkinBotFeedback();
        app.MapSkinBotDiscord();
        app.MapSkinBotTeams();
    }
}

using SkinBot.Core.Engine;
using SkinBot.Discord;
using SkinBot.Host.Indexing;
using SkinBot.Host.Operations;
using SkinBot.Host.WebChat;
using SkinBot.Teams;

namespace SkinBot.Host;

/// <summary>The long-running bot: indexing worker, web chat, Discord, Teams and the operator surface on one host.</summary>
public static class SkinBotHost
{
    public static WebApplication Build(string[] args)
    {
        var contentRoot = SkinBotPaths.FindContentRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddSkinBotSources();

        builder.Services.AddSkinBotEngine(builder.Configuration, contentRoot);
        builder.Services.AddSkinBotIndexing();
        // Every door below runs its messages through this one pipeline: telemetry, limits, then the engine.
        builder.Services.AddSkinBotTurns(builder.Configuration);
        builder.Services.AddSkinBotDiscord(builder.Configuration);
        builder.Services.AddSkinBotTeams(builder.Configuration);
        builder.Services.AddSkinBotWebChat(builder.Configuration);
        builder.Services.AddSkinBotOperations(builder.Configuration);

        var app = builder.Build();
        app.UseSkinBotOperations();
        app.MapSkinBotWebChat();
        app.MapSkinBotDiscord();
        app.MapSkinBotTeams();
        return app;
    }
}

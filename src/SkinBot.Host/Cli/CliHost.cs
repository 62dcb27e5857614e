using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Core.Turns;
using SkinBot.Discord;
using SkinBot.Host.Indexing;
using SkinBot.Teams;

namespace SkinBot.Host.Cli;

/// <summary>
/// The services a CLI verb needs, with the same configuration as the host but no web server, no watcher and
/// no platform connections; logs go to standard error at Warning so standard output stays machine-readable.
/// </summary>
public static class CliHost
{
    public static IHost Build(bool withPlatforms = false, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var contentRoot = SkinBotPaths.FindContentRoot();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            Args = [],
        });
        builder.Configuration.AddSkinBotSources();
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);

        builder.Services.AddSkinBotEngine(builder.Configuration, contentRoot);
        builder.Services.AddSkinBotIndexer();
        // An operator's tool: its turns go straight to the engine, past no abuse limits.
        builder.Services.AddSingleton<ITurnRunner>(provider => new TurnRunner([], provider.GetRequiredService<IChatEngine>(), provider.GetRequiredService<TimeProvider>()));
        if (withPlatforms)
        {
            builder.Services.AddSkinBotDiscord(builder.Configuration);
            builder.Services.AddSkinBotTeams(builder.Configuration);
        }

        var host = builder.Build();
        // Options are validated on first use here (there is no host start), so surface bad settings now.
        _ = host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;
        return host;
    }

    /// <summary>Builds the index once in the foreground; false (with the reason logged) when it cannot.</summary>
    public static Task<bool> LoadIndexAsync(IHost host, CancellationToken cancellationToken) =>
        host.Services.GetRequiredService<CorpusIndexer>().RefreshAsync(cancellationToken);
}

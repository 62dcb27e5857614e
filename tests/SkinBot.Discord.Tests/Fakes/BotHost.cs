using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkinBot.Core.Corpus;
using SkinBot.Core.Turns;
using SkinBot.Testing;
using SkinBot.Testing.Fakes;
namespace SkinBot.Discord.Tests.Fakes;

/// <summary>SkinBot's Discord adapter hosted the way the real host does it (AddSkinBotDiscord + MapSkinBotDiscord), on 127.0.0.1.</summary>
internal sealed class BotHost : IAsyncDisposable
{
    // Not a real token: the tests check that it never reaches a log line.
    public static readonly string BotToken = TestCredentials.New("bot-token");

    private readonly WebApplication _app;

    private BotHost(WebApplication app, DiscordEngine engine, LogCapture logs, HttpClient client, MetricsRecorder metrics)
    {
        _app = app;
        Metrics = metrics;
        Engine = engine;
        Logs = logs;
        Client = client;
    }

    public DiscordEngine Engine { get; }

    public LogCapture Logs { get; }

    public HttpClient Client { get; }

    /// <summary>Listens from before the host starts, so the first IDENTIFY and everything after it is counted.</summary>
    public MetricsRecorder Metrics { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Settings fast enough for tests; callers add or override keys in the returned dictionary (a null value removes a key).</summary>
    public static Dictionary<string, string?> Settings(FakeDiscord? discord, string? publicKey = null, bool withToken = true) => new()
    {
        ["Discord:BotToken"] = withToken ? BotToken : null,
        ["Discord:ApplicationId"] = FakeGateway.ApplicationId,
        ["Discord:PublicKey"] = publicKey,
        ["Discord:ApiBaseUrl"] = discord?.ApiBaseUrl ?? "http://127.0.0.1:9/api/v10",
        ["Discord:ReconnectBackoffInitial"] = "00:00:00.010",
        ["Discord:ReconnectBackoffMax"] = "00:00:00.100",
        ["Discord:InvalidSessionDelayMax"] = "00:00:00.020",
        ["Discord:IdentifyInterval"] = "00:00:00",
        ["Discord:RestRetryBaseDelay"] = "00:00:00.010",
        ["Discord:RestRetryMaxDelay"] = "00:00:00.050",
        ["Discord:ConnectTimeout"] = "00:00:05",
        ["Discord:TypingIndicatorDelay"] = "00:00:30",
        ["Discord:RestTimeout"] = "00:00:05",
    };

    /// <param name="services">Registers shared services (e.g. a shard coordinator two hosts share) before the adapter's defaults.</param>
    public static async Task<BotHost> StartAsync(
        Dictionary<string, string?> settings, DiscordEngine? engine = null, bool withCatalog = true, Action<IServiceCollection>? services = null)
    {
        engine ??= new DiscordEngine();
        var logs = new LogCapture();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        // The real pipeline around the fake engine, with scripted limits so every outcome can be asked for by text.
        builder.Services.AddSingleton<ITurnRunner>(new TurnRunner([new ScriptedLimits()], engine.Fake, TimeProvider.System));
        if (withCatalog)
        {
            builder.Services.AddSingleton<ITopicCatalog>(new FakeTopicCatalog());
        }

        builder.Services.AddHealthChecks();
        services?.Invoke(builder.Services);
        builder.Services.AddSkinBotDiscord(builder.Configuration);
        var app = builder.Build();
        var metrics = new MetricsRecorder(app.Services, "SkinBot.Discord");
        app.MapSkinBotDiscord();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            metrics.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new BotHost(app, engine, logs, client, metrics);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        Metrics.Dispose();
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkinBot.Core.Turns;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Auth;
using SkinBot.Testing;
using SkinBot.Testing.Fakes;
namespace SkinBot.Teams.Tests.Fakes;

/// <summary>
/// The adapter as the host runs it (AddSkinBotTeams + MapSkinBotTeams on ASP.NET Core, in-memory TestServer),
/// wired to a local OpenID server, an https token endpoint and a fake connector service.
/// </summary>
internal sealed class TeamsTestHost : IAsyncDisposable
{
    public const string AppId = TeamsTestApp.AppId;
    public static readonly string AppPassword = TeamsTestApp.AppPassword;

    private WebApplication? _app;
    private MetricsRecorder? _metrics;

    private TeamsTestHost(FakeOpenIdServer openId, FakeTokenEndpoint tokens, FakeConnector connector, FakeChatEngine engine)
    {
        OpenId = openId;
        Tokens = tokens;
        Connector = connector;
        Engine = engine;
    }

    public FakeOpenIdServer OpenId { get; }

    public FakeTokenEndpoint Tokens { get; }

    public FakeConnector Connector { get; }

    public FakeChatEngine Engine { get; }

    public LogCapture Logs { get; } = new();

    public MetricsRecorder Metrics => _metrics!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <param name="feedback">The host's feedback step and vote service, when a test needs answers with vote buttons.</param>
    public static async Task<TeamsTestHost> StartAsync(Action<Dictionary<string, string?>>? configure = null, TestKey[]? publishedKeys = null, RecordingFeedback? feedback = null)
    {
        var host = new TeamsTestHost(
            await FakeOpenIdServer.StartAsync(publishedKeys ?? []),
            await FakeTokenEndpoint.StartAsync(),
            await FakeConnector.StartAsync(),
            new FakeChatEngine(TeamsAnswers.For));

        var settings = new Dictionary<string, string?>
        {
            ["Teams:MicrosoftAppId"] = AppId,
            ["Teams:MicrosoftAppPassword"] = AppPassword,
            ["Teams:MicrosoftAppTenantId"] = FakeTokenEndpoint.Tenant,
            ["Teams:MicrosoftAppType"] = "SingleTenant",
            ["Teams:OpenIdMetadataUrl"] = host.OpenId.MetadataUrl,
            ["Teams:TokenEndpoint"] = host.Tokens.Authority,
            ["Teams:TypingDelay"] = "00:00:30",
            ["Teams:RetryBaseDelay"] = "00:00:00.010",
            ["Teams:MaxRetryDelay"] = "00:00:02",
            ["Teams:MaxSendAttempts"] = "4",

            // The fake connectors listen on http://127.0.0.1, which production refuses.
            ["Teams:AllowLoopbackHttpServiceUrls"] = "true",
        };
        configure?.Invoke(settings);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(host.Logs);
        builder.Services.AddSkinBotTeams(builder.Configuration);

        // Stopping drains acknowledged work until this deadline; a test that leaves an answer stuck waits no longer.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        // The real pipeline around the fake engine, with scripted limits so every outcome can be asked for by text.
        ITurnMiddleware[] steps = feedback is null ? [new ScriptedLimits()] : [new ScriptedLimits(), feedback];
        builder.Services.AddSingleton<ITurnRunner>(new TurnRunner(steps, host.Engine, TimeProvider.System));
        if (feedback is not null)
        {
            builder.Services.AddSingleton<Core.Feedback.IFeedbackVotes>(feedback);
        }

        builder.Services.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(FakeTokenEndpoint.TrustingHandler);

        host._app = builder.Build();
        host._metrics = new MetricsRecorder(host._app.Services, TeamsMetrics.MeterName);
        host._app.MapSkinBotTeams();
        await host._app.StartAsync();
        host.Client = host._app.GetTestClient();
        return host;
    }

    /// <summary>A valid channel token for this host's app id and connector.</summary>
    public string GoodToken(string? serviceUrl = null) => TokenMinter.Mint(AppId, serviceUrl ?? Connector.ServiceUrl);

    /// <summary>Posts with a valid token minted for the activity's own serviceUrl.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        PostAsync(activity, "Bearer " + GoodToken(activity["serviceUrl"]?.GetValue<string>()));

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization) =>
        PostRawAsync(activity.ToJsonString(), authorization);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Waits until every acknowledged activity has been answered (or given up on).</summary>
    public Task WhenIdleAsync() =>
        Services.GetRequiredService<TurnQueue>().WhenIdleAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _metrics?.Dispose();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}

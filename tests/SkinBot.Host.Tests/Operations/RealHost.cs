using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The real host exactly as <c>skinbot serve</c> builds it (SkinBotHost: real engine, indexing worker, web chat,
/// operator surface), on Kestrel at 127.0.0.1 with an in-memory index of the repository's corpus.
/// </summary>
internal sealed class RealHost : IAsyncDisposable
{
    private static readonly Lazy<bool> PageStaged = new(StagePage);

    private RealHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static Task<RealHost> StartAsync(params string[] settings) => StartAsync(configureServices: null, settings);

    /// <param name="configureServices">Runs after SkinBot's own registrations (an exporter, a log capture).</param>
    /// <param name="settings">Command-line settings; a later one overrides an earlier one.</param>
    public static Task<RealHost> StartAsync(Action<IServiceCollection>? configureServices, params string[] settings) =>
        StartAsync(configureServices, waitUntilReady: true, settings);

    /// <summary>Started, without waiting for readiness: for a host whose readiness is what the test is about.</summary>
    public static Task<RealHost> StartUnreadyAsync(params string[] settings) => StartAsync(configureServices: null, waitUntilReady: false, settings);

    private static async Task<RealHost> StartAsync(Action<IServiceCollection>? configureServices, bool waitUntilReady, string[] settings)
    {
        _ = PageStaged.Value;
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Engine:InMemoryIndex=true",
            "--Engine:WatchCorpus=false",
            "--Logging:LogLevel:Default=Warning",
            // Feedback is on in the real host: keep its database and key out of the repository's data folder.
            "--Feedback:DataPath=" + Path.Combine(Path.GetTempPath(), "skinbot-test-feedback-" + Environment.ProcessId),
            .. settings,
        ];
        var app = SkinBotHost.Build(args, configureServices);
        await app.StartAsync();
        // The public address: a management listener (Operations:ManagementUrls), when a test adds one, serves only the operator endpoints.
        var management = ManagementUrls.Ports(app.Configuration[$"{OperationsOptions.SectionName}:{nameof(OperationsOptions.ManagementUrls)}"]);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Single(a => !management.Contains(new Uri(a).Port));
        var host = new RealHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        if (waitUntilReady && !settings.Contains(NotReadySetting))
        {
            await host.WaitUntilReadyAsync();
        }

        return host;
    }

    /// <summary>A setting that only tells <see cref="StartAsync(Action{IServiceCollection}?, string[])"/> not to wait for <c>/readyz</c>.</summary>
    public const string NotReadySetting = "--Tests:StartUnready=true";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>The index is built by a background worker after start; readiness says when it serves.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await Client.GetAsync("readyz");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The host was not ready within 30 s: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The host serves the page from wwwroot beside its binary, where its build puts it; the test runner's binary
    /// folder is another one, so the page is laid there the same way.
    /// </summary>
    private static bool StagePage()
    {
        var target = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.WebRoot))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return true;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Chat;
using SkinBot.Host.Operations;
using SkinBot.Host.WebChat;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// A host wired the way Program wires the web chat and operator surface, around a fake engine:
/// in memory (TestServer) for HTTP tests, or real Kestrel on 127.0.0.1 for the browser.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, Uri baseAddress, HttpClient client)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = client;
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestApp> StartAsync(
        IChatEngine engine,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null,
        bool kestrel = false,
        Action<WebApplication>? mapEndpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            WebRootPath = RepositoryPaths.WebRoot,
        });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton(engine);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddSkinBotTurns(builder.Configuration);
        builder.Services.AddSkinBotWebChat(builder.Configuration);
        builder.Services.AddSkinBotOperations(builder.Configuration);

        var app = builder.Build();
        app.UseSkinBotOperations();
        app.MapSkinBotWebChat();
        mapEndpoints?.Invoke(app);
        await app.StartAsync();

        if (kestrel)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            return new TestApp(app, baseAddress, new HttpClient { BaseAddress = baseAddress });
        }

        var client = app.GetTestClient();
        return new TestApp(app, client.BaseAddress!, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

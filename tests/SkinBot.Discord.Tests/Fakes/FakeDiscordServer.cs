using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>A local Discord for several bot processes: REST under /api/v10 and a gateway of several shards at /gateway and /resume.</summary>
internal sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDiscordServer(WebApplication app, FakeRestApi rest, FakeShardedGateway gateway, string baseUrl)
    {
        _app = app;
        Rest = rest;
        Gateway = gateway;
        HttpBaseUrl = baseUrl;
    }

    public FakeRestApi Rest { get; }

    public FakeShardedGateway Gateway { get; }

    public string HttpBaseUrl { get; }

    public string ApiBaseUrl => HttpBaseUrl + "/api/v10";

    public static async Task<FakeDiscordServer> StartAsync(int shards)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var rest = new FakeRestApi();
        var gateway = new FakeShardedGateway(shards);
        app.UseWebSockets();
        app.Map("/api/v10/{**path}", rest.HandleAsync);
        app.Map("/gateway", gateway.HandleAsync);
        app.Map("/resume", gateway.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var websocketBase = "ws" + address["http".Length..];
        rest.GatewayUrl = () => websocketBase + "/gateway";
        gateway.BaseUrl = () => websocketBase;
        return new FakeDiscordServer(app, rest, gateway, address);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>A local Discord on 127.0.0.1: REST under /api/v10, the gateway at /gateway and /resume (the resume_gateway_url).</summary>
internal sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDiscord(WebApplication app, FakeRestApi rest, FakeGateway gateway, string baseUrl)
    {
        _app = app;
        Rest = rest;
        Gateway = gateway;
        HttpBaseUrl = baseUrl;
    }

    public FakeRestApi Rest { get; }

    public FakeGateway Gateway { get; }

    public string HttpBaseUrl { get; }

    public string ApiBaseUrl => HttpBaseUrl + "/api/v10";

    public string GatewayBaseUrl => "ws" + HttpBaseUrl["http".Length..];

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var rest = new FakeRestApi();
        var gateway = new FakeGateway();
        app.UseWebSockets();
        app.Map("/api/v10/{**path}", rest.HandleAsync);
        app.Map("/gateway", gateway.HandleAsync);
        app.Map("/resume", gateway.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var fake = new FakeDiscord(app, rest, gateway, address.TrimEnd('/'));
        rest.GatewayUrl = () => fake.GatewayBaseUrl + "/gateway";
        gateway.BaseUrl = () => fake.GatewayBaseUrl;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

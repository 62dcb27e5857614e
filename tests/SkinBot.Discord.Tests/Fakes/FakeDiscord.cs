using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// A local Discord on 127.0.0.1: REST under /api/v10, the gateway at /gateway and /resume (the resume_gateway_url).
/// With several shards (for several bot processes) one URL serves them all and routes each connection to its shard.
/// </summary>
internal sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDiscord(WebApplication app, FakeRestApi rest, FakeShardedGateway shards, string baseUrl)
    {
        _app = app;
        Rest = rest;
        Shards = shards;
        HttpBaseUrl = baseUrl;
    }

    public FakeRestApi Rest { get; }

    /// <summary>Every shard's gateway; events for a guild go to its shard through <see cref="FakeShardedGateway.Dispatch"/>.</summary>
    public FakeShardedGateway Shards { get; }

    /// <summary>Shard 0, the whole gateway of a single-shard bot.</summary>
    public FakeGateway Gateway => Shards.Shards[0];

    public string HttpBaseUrl { get; }

    public string ApiBaseUrl => HttpBaseUrl + "/api/v10";

    public string GatewayBaseUrl => "ws" + HttpBaseUrl["http".Length..];

    public static async Task<FakeDiscord> StartAsync(int shards = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var rest = new FakeRestApi();
        var sharded = new FakeShardedGateway(shards);
        // One shard keeps the plain gateway, which records a connection as soon as it opens (before IDENTIFY).
        RequestDelegate gateway = shards == 1 ? sharded.Shards[0].HandleAsync : sharded.HandleAsync;
        app.UseWebSockets();
        app.Map("/api/v10/{**path}", rest.HandleAsync);
        app.Map("/gateway", gateway);
        app.Map("/resume", gateway);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var fake = new FakeDiscord(app, rest, sharded, address.TrimEnd('/'));
        rest.GatewayUrl = () => fake.GatewayBaseUrl + "/gateway";
        sharded.BaseUrl = () => fake.GatewayBaseUrl;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// Stands in for Discord or a Teams connector on 127.0.0.1: answers every request 200 with <c>{}</c> and records the
/// path and query it was asked for, so a test can send a real request through a named client and see it arrive.
/// </summary>
internal sealed class FakeRemoteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeRemoteServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<FakeRemoteServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        // Its own request logs would show the secrets the tests send; only the host under test is being checked.
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeRemoteServer? server = null;
        app.Run(async context =>
        {
            server!.Received.Enqueue(context.Request.Path + context.Request.QueryString);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new FakeRemoteServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

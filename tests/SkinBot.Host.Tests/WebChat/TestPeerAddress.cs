using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace SkinBot.Host.Tests.WebChat;

/// <summary>
/// The in-memory test server has no sockets, so no peer address: this sets the connection's address from the
/// <see cref="Header"/> a test sends (the address a real socket would report), before anything else runs.
/// </summary>
internal sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public static readonly IPAddress Default = IPAddress.Parse("192.0.2.1");

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestPeerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address) ? address : Default;
            return nextMiddleware(context);
        });
        next(app);
    };
}

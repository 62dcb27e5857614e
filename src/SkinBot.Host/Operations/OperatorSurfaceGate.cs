using System.Net;
using Microsoft.Extensions.Options;
using SkinBot.Host.Networking;
using SkinBot.Host.WebChat;

namespace SkinBot.Host.Operations;

/// <summary>
/// Keeps <c>/metrics</c> from the public. With a management listener, its port serves only the operator endpoints and is
/// the only one that serves <c>/metrics</c>. Without one, <c>/metrics</c> answers loopback and
/// <c>Operations:MetricsAllowedNetworks</c>. Everyone else gets the bare 404 of a path that does not exist.
/// </summary>
/// <remarks>
/// The port is the connection's local port, not the Host header, which any client can write.
/// </remarks>
internal sealed class OperatorSurfaceGate
{
    // A proxy that writes one of these is relaying someone else, whose address the connection does not show.
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    private readonly RequestDelegate _next;
    private readonly IReadOnlySet<int> _managementPorts;
    private readonly NetworkList _allowed;
    private readonly TrustedProxies? _proxies;
    private readonly ClientAddress? _clients;

    public OperatorSurfaceGate(RequestDelegate next, IOptions<OperationsOptions> options, IServiceProvider services)
    {
        _next = next;
        _managementPorts = ManagementUrls.Ports(options.Value.ManagementUrls);
        _allowed = NetworkList.Parse(
            options.Value.MetricsAllowedNetworks,
            index => new OptionsValidationException(OperationsOptions.SectionName, typeof(OperationsOptions), [$"Operations:MetricsAllowedNetworks:{index} is not an IP address or a network."]));
        // The web chat's proxy settings say whose forwarding header to believe; a host without the web chat believes none.
        _proxies = services.GetService<TrustedProxies>();
        _clients = services.GetService<ClientAddress>();
    }

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<OperatorEndpoint>();
        bool served;
        if (_managementPorts.Count == 0)
        {
            served = endpoint is not { IsMetrics: true } || MayReadMetrics(context);
        }
        else if (_managementPorts.Contains(context.Connection.LocalPort))
        {
            served = endpoint is not null;
        }
        else
        {
            served = endpoint is not { IsMetrics: true };
        }

        if (served)
        {
            return _next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private bool MayReadMetrics(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            // No network peer: an in-process server or a Unix socket, both reachable only from this machine.
            return true;
        }

        var viaTrustedProxy = _proxies is { IsEmpty: false } && _proxies.Contains(peer);
        if (!viaTrustedProxy && ForwardingHeaders.Any(context.Request.Headers.ContainsKey))
        {
            // A reverse proxy on this machine would otherwise make every visitor look like loopback.
            return false;
        }

        var client = (viaTrustedProxy ? _clients?.Resolve(context) : null) ?? NetworkAddress.Normalise(peer);
        return IPAddress.IsLoopback(client) || _allowed.Contains(client);
    }
}

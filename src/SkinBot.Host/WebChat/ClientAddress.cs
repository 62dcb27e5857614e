using System.Net;
using Microsoft.Extensions.Options;
using SkinBot.Host.Networking;

namespace SkinBot.Host.WebChat;

/// <summary>
/// Finds the address of the person behind a web chat request: the connection's peer, or, when that peer is a trusted
/// proxy, the nearest address in the proxy chain that is not itself a trusted proxy. Entries left of that one were written
/// by the client and prove nothing, so they are never read.
/// </summary>
internal sealed class ClientAddress(TrustedProxies proxies, IOptions<WebChatOptions> options)
{
    // A real chain is a handful of hops; a header of thousands of entries must not cost thousands of parses.
    private const int MaxHops = 16;

    private const string XForwardedFor = "X-Forwarded-For";
    private const string Forwarded = "Forwarded";

    private readonly ForwardedHeaderKind _header = options.Value.ForwardedHeader;

    /// <returns>The client's address, or null when the connection has none (a Unix socket, some test servers).</returns>
    public IPAddress? Resolve(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null || proxies.IsEmpty || !proxies.Contains(peer))
        {
            return peer is null ? null : NetworkAddress.Normalise(peer);
        }

        var hops = _header == ForwardedHeaderKind.Forwarded
            ? ForwardedHeaderParser.ForwardedFor(context.Request.Headers[Forwarded])
            : ForwardedHeaderParser.XForwardedFor(context.Request.Headers[XForwardedFor]);

        var current = NetworkAddress.Normalise(peer);
        var walked = 0;
        for (var i = hops.Count - 1; i >= 0 && walked < MaxHops; i--, walked++)
        {
            // "unknown", an obfuscated name or garbage: the chain cannot be followed further, so the last hop we trust stands.
            if (ForwardedHeaderParser.TryParseNode(hops[i]) is not { } hop)
            {
                return current;
            }

            current = NetworkAddress.Normalise(hop);
            if (!proxies.Contains(current))
            {
                return current;
            }
        }

        return current;
    }
}

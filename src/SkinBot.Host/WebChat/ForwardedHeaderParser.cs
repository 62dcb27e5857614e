using System.Net;
using Microsoft.Extensions.Primitives;

namespace SkinBot.Host.WebChat;

/// <summary>Reads the hop list of <c>X-Forwarded-For</c> or of RFC 7239 <c>Forwarded</c>, left (client) to right (nearest proxy).</summary>
internal static class ForwardedHeaderParser
{
    /// <summary><c>X-Forwarded-For: 203.0.113.7, 10.0.0.2</c>; several header lines read as one list, in order.</summary>
    public static IReadOnlyList<string> XForwardedFor(StringValues values)
    {
        var hops = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                hops.Add(part);
            }
        }

        return hops;
    }

    /// <summary>
    /// <c>Forwarded: for=203.0.113.7;proto=https, for="[2001:db8::1]:4711"</c>: the <c>for</c> of each element. An element
    /// without one is still a hop (an empty node), so a proxy that omits it stops the walk instead of being skipped.
    /// </summary>
    public static IReadOnlyList<string> ForwardedFor(StringValues values)
    {
        var hops = new List<string>();
        foreach (var value in values)
        {
            foreach (var element in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var node = string.Empty;
                foreach (var pair in element.Split(';', StringSplitOptions.TrimEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0 && pair.AsSpan(0, equals).Trim().Equals("for", StringComparison.OrdinalIgnoreCase))
                    {
                        node = pair[(equals + 1)..].Trim();
                    }
                }

                hops.Add(node);
            }
        }

        return hops;
    }

    /// <summary>An address, optionally quoted, bracketed (IPv6) or with a port; null for anything else.</summary>
    public static IPAddress? TryParseNode(string node)
    {
        var text = node.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        if (text.Length == 0 || text.Length > 64)
        {
            return null;
        }

        if (IPAddress.TryParse(text, out var address) && !text.Contains('[', StringComparison.Ordinal))
        {
            return address;
        }

        return IPEndPoint.TryParse(text, out var endPoint) ? endPoint.Address : null;
    }
}

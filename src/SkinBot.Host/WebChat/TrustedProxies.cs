using System.Net;
using Microsoft.Extensions.Options;

namespace SkinBot.Host.WebChat;

/// <summary>The configured reverse proxies, parsed once: only a connection from one of them may name another client address.</summary>
internal sealed class TrustedProxies
{
    private readonly IPNetwork[] _networks;

    public TrustedProxies(IOptions<WebChatOptions> options)
    {
        _networks = [.. options.Value.TrustedProxies.Select(entry => TryParseEntry(entry, out var network)
            ? network
            : throw new OptionsValidationException(WebChatOptions.SectionName, typeof(WebChatOptions), [$"WebChat:TrustedProxies has an invalid entry \"{entry}\"."]))];
    }

    public bool IsEmpty => _networks.Length == 0;

    public bool Contains(IPAddress address)
    {
        // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; either spelling of a proxy matches it.
        var normalised = ClientAddress.Normalise(address);
        foreach (var network in _networks)
        {
            if (network.Contains(normalised) || network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An address is a network of one; a network must be written with its host bits clear.</summary>
    public static bool TryParseEntry(string? entry, out IPNetwork network)
    {
        network = default;
        var trimmed = entry?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (trimmed.Contains('/', StringComparison.Ordinal))
        {
            // "10.0.0.1/8" is refused rather than read as 10.0.0.0/8: an operator who wrote it may have meant one proxy, not a network.
            if (!IPNetwork.TryParse(trimmed, out var parsed)
                || !IPAddress.TryParse(trimmed.AsSpan(0, trimmed.IndexOf('/', StringComparison.Ordinal)), out var written)
                || !written.Equals(parsed.BaseAddress))
            {
                return false;
            }

            network = parsed;
            return true;
        }

        if (!IPAddress.TryParse(trimmed, out var address))
        {
            return false;
        }

        var single = ClientAddress.Normalise(address);
        network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}

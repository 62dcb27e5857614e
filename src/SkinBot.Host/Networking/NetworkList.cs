using System.Net;
using System.Net.Sockets;

namespace SkinBot.Host.Networking;

/// <summary>
/// Addresses (<c>10.0.0.5</c>) and networks (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) an operator listed, parsed once:
/// the web chat's trusted proxies and the networks allowed to read <c>/metrics</c>.
/// </summary>
internal sealed class NetworkList
{
    private readonly IPNetwork[] _networks;

    private NetworkList(IPNetwork[] networks) => _networks = networks;

    public bool IsEmpty => _networks.Length == 0;

    /// <param name="invalid">The exception for an entry that is neither; options validation normally reports it first.</param>
    public static NetworkList Parse(IEnumerable<string> entries, Func<int, Exception> invalid)
    {
        var networks = new List<IPNetwork>();
        var index = 0;
        foreach (var entry in entries)
        {
            networks.Add(TryParseEntry(entry, out var network) ? network : throw invalid(index));
            index++;
        }

        return new NetworkList([.. networks]);
    }

    public bool Contains(IPAddress address)
    {
        // A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; either spelling of an entry matches it.
        var normalised = NetworkAddress.Normalise(address);
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
            // "10.0.0.1/8" is refused rather than read as 10.0.0.0/8: an operator who wrote it may have meant one host, not a network.
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

        var single = NetworkAddress.Normalise(address);
        network = new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}

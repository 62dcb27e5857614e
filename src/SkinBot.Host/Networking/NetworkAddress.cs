using System.Net;
using System.Net.Sockets;

namespace SkinBot.Host.Networking;

/// <summary>One spelling per peer address, so lists, limits and keyed ids see one address as one.</summary>
internal static class NetworkAddress
{
    /// <summary>IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d, and zone ids are local detail.</summary>
    public static IPAddress Normalise(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
        {
            return new IPAddress(address.GetAddressBytes());
        }

        return address;
    }
}

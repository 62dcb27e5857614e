using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using SkinBot.Host.Networking;

namespace SkinBot.Host.WebChat;

/// <summary>
/// One visitor of the web chat as the limits and the conversation memory see it: a keyed hash of their address, so the
/// address itself is never kept or logged. IPv6 visitors are grouped by their /64, which one household or one host
/// usually owns whole; otherwise a single machine could rotate through billions of addresses.
/// </summary>
internal readonly record struct WebClientId
{
    private const string Purpose = "skinbot.web.client";
    private const int TagBytes = 16;

    private WebClientId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The key bytes conversation ids are bound to.</summary>
    public ReadOnlySpan<byte> Bytes => System.Text.Encoding.ASCII.GetBytes(Value);

    public static WebClientId For(IPAddress? address, WebChatSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var tag = secret.Tag(Purpose, Significant(address));
        return new WebClientId("client-" + Base64Url.EncodeToString(tag.AsSpan(0, TagBytes)));
    }

    public override string ToString() => Value;

    private static byte[] Significant(IPAddress? address)
    {
        if (address is null)
        {
            return [];
        }

        var bytes = NetworkAddress.Normalise(address).GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv4MappedToIPv6 ? bytes[..8] : bytes;
    }
}

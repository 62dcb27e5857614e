using System.Net;
using Microsoft.Extensions.Options;
using SkinBot.Host.Networking;

namespace SkinBot.Host.WebChat;

/// <summary>The configured reverse proxies, parsed once: only a connection from one of them may name another client address.</summary>
internal sealed class TrustedProxies(IOptions<WebChatOptions> options)
{
    private readonly NetworkList _networks = NetworkList.Parse(
        options.Value.TrustedProxies,
        index => new OptionsValidationException(WebChatOptions.SectionName, typeof(WebChatOptions), [$"WebChat:TrustedProxies:{index} is not an IP address or a network."]));

    public bool IsEmpty => _networks.IsEmpty;

    public bool Contains(IPAddress address) => _networks.Contains(address);
}

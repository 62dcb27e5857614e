namespace SkinBot.Host.WebChat;

/// <summary>
/// How the web chat tells its visitors apart (configuration section <c>WebChat</c>). Each visitor is one client address
/// for the per-user limit and for binding conversation ids; behind a reverse proxy the address comes from the proxy's
/// forwarding header, but only when the connection really comes from a proxy listed here.
/// </summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) of the reverse proxies in front of the
    /// host. Empty by default: forwarding headers are then ignored, because any client could write them.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// Base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>), from a secret store or
    /// <c>SKINBOT__WebChat__SigningKey</c>. Conversation and visitor ids are signed with it, so every web replica given
    /// the same key accepts the ids the others issued; without it each process makes its own key at start-up.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Which header the trusted proxies write: <c>XForwardedFor</c> (default) or the standard <c>Forwarded</c>.</summary>
    public ForwardedHeaderKind ForwardedHeader { get; set; } = ForwardedHeaderKind.XForwardedFor;
}

/// <summary>The forwarding header a trusted proxy adds. Only one is read, so a client cannot slip in the other one.</summary>
public enum ForwardedHeaderKind
{
    /// <summary><c>X-Forwarded-For: client, proxy1, proxy2</c>.</summary>
    XForwardedFor,

    /// <summary>RFC 7239 <c>Forwarded: for=client;proto=https, for=proxy1</c>.</summary>
    Forwarded,
}

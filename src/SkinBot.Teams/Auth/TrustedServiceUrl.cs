namespace SkinBot.Teams.Auth;

/// <summary>
/// A connector service URL that arrived on an authenticated activity and matched its token's serviceurl claim.
/// Only <see cref="BotFrameworkAuthenticator"/> creates one, so the connector client cannot be handed
/// an address taken from an arbitrary message body.
/// </summary>
internal sealed class TrustedServiceUrl
{
    internal TrustedServiceUrl(Uri uri)
    {
        BaseUrl = UrlRules.NormalizeServiceUrl(uri.AbsoluteUri);
    }

    /// <summary>The service URL without its trailing slash, ready for "/v3/...".</summary>
    public string BaseUrl { get; }

    public override string ToString() => BaseUrl;
}

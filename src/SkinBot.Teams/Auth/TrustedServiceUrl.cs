using SkinBot.Core.Diagnostics;

namespace SkinBot.Teams.Auth;

/// <summary>
/// A connector service URL that arrived on an authenticated activity and matched its token's serviceurl claim.
/// Only <see cref="BotFrameworkAuthenticator"/> creates one, so the connector client cannot be handed
/// an address taken from an arbitrary message body.
/// </summary>
internal sealed class TrustedServiceUrl
{
    // Characters that make the written address mean something other than a base path: a query or fragment would
    // swallow the /v3/... suffix (the request then goes to the base path), user-info can disguise the host, and a
    // backslash or whitespace is parsed differently by different URL readers.
    private static readonly char[] Ambiguous = ['?', '#', '@', '\\'];

    private TrustedServiceUrl(Uri uri)
    {
        BaseUrl = UrlRules.NormalizeServiceUrl(uri.GetLeftPart(UriPartial.Path));
    }

    /// <summary>The service URL without its trailing slash, ready for "/v3/...".</summary>
    public string BaseUrl { get; }

    /// <summary>
    /// The address as logs name it. <see cref="TryCreate"/> already refuses a query and user-info, so today this equals
    /// <see cref="BaseUrl"/>; it goes through the redactor anyway so a looser rule later cannot put a secret in a log.
    /// </summary>
    public string ForLogs => SecretUrlRedactor.Redact(BaseUrl);

    /// <summary>
    /// Accepts only a plain https base address (scheme, host, optional port and path). Plain http is accepted only to
    /// this machine and only when <paramref name="allowLoopbackHttp"/> is set (local fakes in tests).
    /// </summary>
    internal static TrustedServiceUrl? TryCreate(string? raw, bool allowLoopbackHttp)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text) || text.IndexOfAny(Ambiguous) >= 0 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || string.IsNullOrEmpty(uri.Host)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var schemeAllowed = uri.Scheme == Uri.UriSchemeHttps
            || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && UrlRules.IsLoopback(uri));
        return schemeAllowed ? new TrustedServiceUrl(uri) : null;
    }

    public override string ToString() => BaseUrl;
}

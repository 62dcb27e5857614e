using System.Net;

namespace SkinBot.Teams;

/// <summary>Which addresses the adapter is willing to talk to.</summary>
internal static class UrlRules
{
    /// <summary>https anywhere; plain http only to this machine (local fakes in tests, a dev tunnel's local end).</summary>
    public static bool IsSecureOrLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsSecureOrLoopback(uri);

    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri));

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Service URLs compare case-insensitively and without a trailing slash.</summary>
    public static string NormalizeServiceUrl(string url) => url.Trim().TrimEnd('/');
}

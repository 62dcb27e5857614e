using System.Buffers;
using System.Text;

namespace SkinBot.Core.Diagnostics;

/// <summary>
/// Makes a URL safe to log or trace. Discord webhook and interaction routes authenticate with a token in the path
/// (<c>/webhooks/{application_id}/{token}</c>, <c>/interactions/{id}/{token}/callback</c>), and any query or
/// user-info may hold a key, signature or password, so those parts are replaced while scheme, host, port and the
/// rest of the path stay readable. Works on absolute URLs, relative ones and arbitrary text ("PATCH /webhooks/...").
/// </summary>
public static class SecretUrlRedactor
{
    public const string Placeholder = "REDACTED";

    // Path segments after which the segment following the id is a bearer secret.
    private static readonly string[] TokenRouteSegments = ["webhooks", "interactions"];

    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    /// <summary>The same text with path tokens, query values, user-info and the fragment replaced.</summary>
    public static string Redact(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url ?? string.Empty;
        }

        var fragmentStart = url.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragmentStart >= 0 ? url[..fragmentStart] : url;
        var queryStart = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = queryStart >= 0 ? withoutFragment[..queryStart] : withoutFragment;

        var (origin, path) = SplitOrigin(beforeQuery);
        var result = new StringBuilder(url.Length);
        result.Append(origin).Append(RedactPath(path));
        if (queryStart >= 0)
        {
            result.Append('?').Append(RedactQuery(withoutFragment[(queryStart + 1)..]));
        }

        if (fragmentStart >= 0)
        {
            // Never sent over HTTP, but OAuth puts access tokens there and such URLs end up in messages.
            result.Append('#');
            if (fragmentStart < url.Length - 1)
            {
                result.Append(Placeholder);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// Splits "scheme://user:pass@host:port" (and any text before the scheme, such as "GET ") from the path, dropping
    /// the user-info. Text without a scheme is all path.
    /// </summary>
    private static (string Origin, string Path) SplitOrigin(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var schemeStart = schemeEnd;
        while (schemeStart > 0 && SchemeCharacters.Contains(text[schemeStart - 1]))
        {
            schemeStart--;
        }

        if (schemeEnd <= 0 || schemeStart == schemeEnd || !char.IsAsciiLetter(text[schemeStart]))
        {
            return (string.Empty, text);
        }

        var authorityStart = schemeEnd + 3;
        var pathStart = text.IndexOf('/', authorityStart);
        var authority = pathStart >= 0 ? text[authorityStart..pathStart] : text[authorityStart..];
        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        return (text[..authorityStart] + host, pathStart >= 0 ? text[pathStart..] : string.Empty);
    }

    private static string RedactPath(string path)
    {
        if (path.Length == 0)
        {
            return path;
        }

        var segments = path.Split('/');
        for (var i = 0; i + 2 < segments.Length; i++)
        {
            // The token is two segments on (after the id); an empty one is a trailing slash, not a token.
            if (IsTokenRoute(segments[i]) && segments[i + 2].Length > 0)
            {
                segments[i + 2] = Placeholder;
                i += 2;
            }
        }

        return string.Join('/', segments);
    }

    private static bool IsTokenRoute(string segment)
    {
        // Compared unescaped, so "%77ebhooks" cannot slip past (a broken escape is left as it is, not thrown on).
        var name = Uri.UnescapeDataString(segment);
        return TokenRouteSegments.Any(route => string.Equals(name, route, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every value becomes the placeholder, names stay; a bare item (no '=') may itself be a key, so it goes too.</summary>
    private static string RedactQuery(string query)
    {
        if (query.Length == 0)
        {
            return query;
        }

        var items = query.Split('&');
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            if (item.Length == 0)
            {
                continue;
            }

            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                items[i] = Placeholder;
            }
            else if (equals < item.Length - 1)
            {
                items[i] = item[..(equals + 1)] + Placeholder;
            }
        }

        return string.Join('&', items);
    }
}

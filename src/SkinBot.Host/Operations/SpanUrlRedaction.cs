using System.Diagnostics;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using SkinBot.Core.Diagnostics;

namespace SkinBot.Host.Operations;

/// <summary>
/// Rewrites the URL-bearing tags and the name of a span through <see cref="SecretUrlRedactor"/>. The HTTP client span
/// of a Discord follow-up otherwise carries the interaction token in <c>url.full</c>, and a query string on either
/// side may carry a key or signature.
/// </summary>
internal static class SpanUrlRedaction
{
    // Current semantic-convention names and the older ones some instrumentations still write.
    private static readonly string[] UrlTags = ["url.full", "url.path", "http.url", "http.target"];

    private static readonly string[] QueryTags = ["url.query"];

    /// <summary>
    /// The runtime has already set the client span's tags when this runs (<c>HttpClientSpanEnrichmentTests</c> checks),
    /// so what is written here is what gets exported. <c>url.full</c> is rebuilt from the request because the runtime's
    /// own redaction drops the whole query ("?*"), names too, and keeps the path token.
    /// </summary>
    public static void ConfigureHttpClient(HttpClientTraceInstrumentationOptions options) =>
        options.EnrichWithHttpRequestMessage = (activity, request) =>
        {
            if (activity.GetTagItem("url.full") is string && request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("url.full", SecretUrlRedactor.Redact(uri.AbsoluteUri));
            }

            Redact(activity);
        };

    /// <summary>Request tags are set at the start and some again at the end, so both enrich points redact.</summary>
    public static void ConfigureAspNetCore(AspNetCoreTraceInstrumentationOptions options)
    {
        options.EnrichWithHttpRequest = (activity, _) => Redact(activity);
        options.EnrichWithHttpResponse = (activity, _) => Redact(activity);
    }

    public static void Redact(Activity activity)
    {
        foreach (var tag in UrlTags)
        {
            if (activity.GetTagItem(tag) is string url)
            {
                activity.SetTag(tag, SecretUrlRedactor.Redact(url));
            }
        }

        foreach (var tag in QueryTags)
        {
            // Written without the leading '?' by the conventions; the redactor needs it to know a query starts there.
            if (activity.GetTagItem(tag) is string query && query.Length > 0)
            {
                activity.SetTag(tag, SecretUrlRedactor.Redact(query[0] == '?' ? query : "?" + query)[1..]);
            }
        }

        // Only a name with a path can hold an address ("PATCH /webhooks/..."); "what?" or "C#" are left alone.
        if (activity.DisplayName.Contains('/', StringComparison.Ordinal))
        {
            activity.DisplayName = SecretUrlRedactor.Redact(activity.DisplayName);
        }
    }
}

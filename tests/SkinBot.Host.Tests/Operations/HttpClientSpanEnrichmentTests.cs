using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The HTTP client enrichment on its own, without the redacting processor behind it: the runtime writes
/// <c>url.full</c> before the enrich callback runs, so the callback has something to redact and its result is what
/// gets exported.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class HttpClientSpanEnrichmentTests
{
    [Fact]
    public async Task The_client_span_already_carries_the_raw_url_when_the_enrichment_runs_and_exports_only_the_redacted_one()
    {
        await using var remote = await FakeRemoteServer.StartAsync();
        var spans = new ExportedSpans();
        string? seen = null;
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddHttpClientInstrumentation(options =>
            {
                SpanUrlRedaction.ConfigureHttpClient(options);
                var redact = options.EnrichWithHttpRequestMessage!;
                options.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    if (request.RequestUri?.Port == remote.BaseAddress.Port)
                    {
                        seen = activity.GetTagItem("url.full") as string;
                    }

                    redact(activity, request);
                };
            })
            .AddInMemoryExporter(spans)
            .Build())
        using (var client = new HttpClient())
        {
            using var response = await client.GetAsync(new Uri(remote.BaseAddress, "/api/v10/webhooks/1/SECRET-TOKEN-abc/messages/@original?token=xyz"));
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal($"http://127.0.0.1:{remote.BaseAddress.Port}/api/v10/webhooks/1/SECRET-TOKEN-abc/messages/@original?*", seen);
        var span = Assert.Single(spans.Snapshot(), s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string)?.Contains("/webhooks/1/", StringComparison.Ordinal) == true);
        Assert.Equal($"http://127.0.0.1:{remote.BaseAddress.Port}/api/v10/webhooks/1/REDACTED/messages/@original?token=REDACTED", span.GetTagItem("url.full"));
        Assert.DoesNotContain("SECRET-TOKEN-abc", ExportedSpans.Text(span), StringComparison.Ordinal);
    }
}

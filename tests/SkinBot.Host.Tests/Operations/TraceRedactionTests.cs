using System.Diagnostics;
using System.Globalization;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// Issue 9 item 2: with trace export on, a Discord interaction token (in the path of webhook and interaction-callback
/// routes) or any query value must not reach an exported span, while the span still says which host and route it was.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TraceRedactionTests(TracedHost traced) : IClassFixture<TracedHost>
{
    private const string Token = "SECRET-TOKEN-abc";
    private const string QuerySecret = "xyz";

    [Fact]
    public async Task A_webhook_token_never_appears_in_an_exported_span()
    {
        using var response = await DiscordClient().PatchAsync(Remote($"/api/v10/webhooks/123/{Token}/messages/@original?wait=true&token={QuerySecret}"), Json());
        response.EnsureSuccessStatusCode();

        var client = await traced.Spans.WaitForAsync(s => IsClientSpanTo(s, "/webhooks/123/"), "the webhook call");
        // The fake remote is in this process too, so its server span for the same request is exported as well.
        var server = await traced.Spans.WaitForAsync(s => s.Kind == ActivityKind.Server && Tag(s, "url.path")?.Contains("/webhooks/123/", StringComparison.Ordinal) == true, "the fake's server span");

        Assert.Contains(traced.Remote.Received, path => path.Contains(Token, StringComparison.Ordinal));
        Assert.All(traced.Spans.Snapshot(), span =>
        {
            var text = ExportedSpans.Text(span);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(QuerySecret, text, StringComparison.Ordinal);
        });
        Assert.Contains("/api/v10/webhooks/123/REDACTED/messages/@original?", Tag(client, "url.full"), StringComparison.Ordinal);
        Assert.Equal("/api/v10/webhooks/123/REDACTED/messages/@original", Tag(server, "url.path"));
    }

    [Fact]
    public async Task The_redacted_client_span_still_shows_the_host_and_the_webhook_route()
    {
        using var response = await DiscordClient().PatchAsync(Remote("/api/v10/webhooks/124/another-token-def/messages/@original?wait=true"), Json());
        response.EnsureSuccessStatusCode();

        var span = await traced.Spans.WaitForAsync(s => IsClientSpanTo(s, "/webhooks/124/"), "the webhook call");

        Assert.Equal($"http://127.0.0.1:{traced.Remote.BaseAddress.Port}/api/v10/webhooks/124/REDACTED/messages/@original?wait=REDACTED", Tag(span, "url.full"));
        Assert.Equal("127.0.0.1", Tag(span, "server.address"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal("PATCH", span.DisplayName);
    }

    [Theory]
    [InlineData("POST", "/api/v10/interactions/456/{0}/callback", "/api/v10/interactions/456/REDACTED/callback")]
    [InlineData("POST", "/api/v10/webhooks/457/{0}", "/api/v10/webhooks/457/REDACTED")]
    [InlineData("DELETE", "/api/v10/webhooks/458/{0}/messages/@original", "/api/v10/webhooks/458/REDACTED/messages/@original")]
    public async Task Every_token_bearing_Discord_route_is_exported_with_the_token_replaced(string method, string route, string expectedPath)
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var path = string.Format(CultureInfo.InvariantCulture, route, token);
        using var request = new HttpRequestMessage(new HttpMethod(method), Remote(path)) { Content = method == "DELETE" ? null : Json() };
        using var response = await DiscordClient().SendAsync(request);
        response.EnsureSuccessStatusCode();

        var span = await traced.Spans.WaitForAsync(s => IsClientSpanTo(s, expectedPath), "the Discord call");

        Assert.EndsWith(expectedPath, Tag(span, "url.full"), StringComparison.Ordinal);
        Assert.DoesNotContain(traced.Spans.Snapshot(), s => ExportedSpans.Text(s).Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_query_value_sent_to_the_host_never_appears_in_its_server_span()
    {
        var secret = "sig-" + Guid.NewGuid().ToString("N");

        using var response = await traced.Host.Client.GetAsync($"api/chat/settings?access_token={secret}&code={secret}");
        response.EnsureSuccessStatusCode();

        var span = await traced.Spans.WaitForAsync(
            s => s.Kind == ActivityKind.Server && Tag(s, "url.path") == "/api/chat/settings" && Tag(s, "url.query")?.Contains("access_token", StringComparison.Ordinal) == true,
            "the settings request");
        Assert.Equal("access_token=REDACTED&code=REDACTED", Tag(span, "url.query"));
        Assert.DoesNotContain(traced.Spans.Snapshot(), s => ExportedSpans.Text(s).Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_span_of_any_other_source_is_redacted_before_it_is_exported()
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        using (var source = new ActivitySource("SkinBot.Tests.Foreign"))
        using (var activity = source.StartActivity($"PATCH /webhooks/9/{token}", ActivityKind.Client))
        {
            Assert.NotNull(activity);
            activity.SetTag("url.full", $"https://user:pw@discord.example/api/v10/webhooks/9/{token}?token={token}");
            activity.SetTag("http.url", $"https://discord.example/api/v10/webhooks/9/{token}");
        }

        var span = await traced.Spans.WaitForAsync(s => s.Source.Name == "SkinBot.Tests.Foreign" && s.DisplayName.StartsWith("PATCH /webhooks/9/", StringComparison.Ordinal), "the foreign span");

        Assert.Equal("PATCH /webhooks/9/REDACTED", span.DisplayName);
        Assert.Equal("https://discord.example/api/v10/webhooks/9/REDACTED?token=REDACTED", Tag(span, "url.full"));
        Assert.Equal("https://discord.example/api/v10/webhooks/9/REDACTED", Tag(span, "http.url"));
    }

    private HttpClient DiscordClient() =>
        traced.Client(Assert.Single(traced.SkinBotClientNames, name => name.StartsWith("SkinBot.Discord", StringComparison.Ordinal)));

    private Uri Remote(string pathAndQuery) => new(traced.Remote.BaseAddress, pathAndQuery);

    private static StringContent Json() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    private bool IsClientSpanTo(Activity span, string pathPart) =>
        span.Kind == ActivityKind.Client
        && Tag(span, "url.full") is { } url
        && url.StartsWith(traced.Remote.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
        && url.Contains(pathPart, StringComparison.Ordinal);
}

using System.Net;
using SkinBot.Host.Tests.WebChat;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

/// <summary><c>/metrics</c> is not public on the public port: loopback and the allow-list only (issue 9, item 11).</summary>
public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Metrics_answer_a_loopback_peer(string peer)
    {
        await using var app = await StartAsync();

        using var response = await GetAsync(app, "metrics", peer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_are_a_bare_404_to_any_other_peer_like_a_path_that_does_not_exist()
    {
        await using var app = await StartAsync();

        using var metrics = await GetAsync(app, "metrics", "192.0.2.1");
        using var missing = await GetAsync(app, "no-such-path", "192.0.2.1");

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(missing.StatusCode, metrics.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await metrics.Content.ReadAsStringAsync());
        Assert.Empty(await metrics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_answer_the_allowed_networks_and_no_one_else()
    {
        await using var app = await StartAsync(("Operations:MetricsAllowedNetworks:0", "192.0.2.0/24"), ("Operations:MetricsAllowedNetworks:1", "2001:db8::5"));

        using var inNetwork = await GetAsync(app, "metrics", "192.0.2.77");
        using var listedHost = await GetAsync(app, "metrics", "2001:db8::5");
        using var outside = await GetAsync(app, "metrics", "198.51.100.1");

        Assert.Equal(HttpStatusCode.OK, inNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listedHost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Real-IP", "203.0.113.9")]
    public async Task A_request_a_local_proxy_forwarded_is_not_taken_for_loopback(string header, string value)
    {
        await using var app = await StartAsync();

        using var response = await GetAsync(app, "metrics", "127.0.0.1", (header, value));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_client_it_names_decides()
    {
        await using var app = await StartAsync(("WebChat:TrustedProxies:0", "10.0.0.0/8"), ("Operations:MetricsAllowedNetworks:0", "192.0.2.0/24"));

        using var allowed = await GetAsync(app, "metrics", "10.0.0.2", ("X-Forwarded-For", "192.0.2.7"));
        using var refused = await GetAsync(app, "metrics", "10.0.0.2", ("X-Forwarded-For", "203.0.113.9"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    public async Task Health_answers_every_peer_so_probes_work(string path)
    {
        await using var app = await StartAsync();

        using var response = await GetAsync(app, path, "192.0.2.1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Operations:MetricsAllowedNetworks:0", "10.0.0.1/8", "Operations:MetricsAllowedNetworks:0")]
    [InlineData("Operations:MetricsAllowedNetworks:0", "prometheus.internal", "Operations:MetricsAllowedNetworks:0")]
    [InlineData("Operations:ManagementUrls", "http://0.0.0.0:0", "Operations:ManagementUrls")]
    [InlineData("Operations:ManagementUrls", "http://127.0.0.1:9090;unix:/run/x.sock", "Operations:ManagementUrls (entry 2)")]
    public async Task An_unusable_setting_stops_the_host_naming_the_key(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync((key, value)));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    private static Task<TestApp> StartAsync(params (string Key, string Value)[] settings) =>
        TestApp.StartAsync(
            new FakeChatEngine(HostAnswers.Substantive),
            settings.ToDictionary(s => s.Key, s => (string?)s.Value),
            TestPeerAddress.AddTo);

    private static async Task<HttpResponseMessage> GetAsync(TestApp app, string path, string peer, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TestPeerAddress.Header, peer);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await app.Client.SendAsync(request);
    }
}

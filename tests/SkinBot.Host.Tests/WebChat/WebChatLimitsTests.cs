using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Host.Operations;
using SkinBot.Host.Tests.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.WebChat;

/// <summary>The web chat's limits over HTTP: per client (address) and for the whole chat, and what a refused person is told.</summary>
public sealed class WebChatLimitsTests
{
    private const string Flooder = "198.51.100.7";
    private const string Bystander = "203.0.113.9";

    private readonly FakeChatEngine _engine = new(HostAnswers.Substantive);

    // A stopped clock: the waits the limits announce are exact, however slow the machine.
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_client_rotating_conversation_ids_cannot_silence_others()
    {
        await using var app = await StartAsync(perClient: 3, wholeChat: 5);

        var flood = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            flood.Add(await AskAsync(app, Flooder, conversationId: $"rotating-{i}"));
        }

        using var bystander = await AskAsync(app, Bystander);

        Assert.All(flood.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(flood.Skip(3), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, bystander.StatusCode);
        Assert.Equal("scar_type", (await bystander.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intent").GetString());
        Assert.Equal(4, _engine.Requests.Count);
        flood.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task A_client_refused_again_and_again_is_told_to_wait_every_time_with_Retry_After()
    {
        await using var app = await StartAsync(perClient: 1, wholeChat: 100);

        using var first = await AskAsync(app, Flooder);
        using var second = await AskAsync(app, Flooder);
        using var third = await AskAsync(app, Flooder);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var refused in new[] { second, third })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
            var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(
                $"{GuardReplies.UserRateLimitedHeadline}. Please wait about 60 seconds and try again. Messages sent before then won't get a reply.",
                body.GetProperty("error").GetString());
            Assert.Equal(60, body.GetProperty("retryAfterSeconds").GetInt32());
            Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task When_the_whole_web_chat_is_busy_every_refused_person_is_told_so()
    {
        await using var app = await StartAsync(perClient: 100, wholeChat: 2);

        var replies = new List<HttpResponseMessage>();
        for (var i = 1; i <= 4; i++)
        {
            replies.Add(await AskAsync(app, $"203.0.113.{i}"));
        }

        Assert.All(replies.Take(2), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var refused in replies.Skip(2))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.StartsWith(GuardReplies.WebBusyHeadline + ". Please wait about 30 seconds", error, StringComparison.Ordinal);
        }

        replies.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Forwarding_headers_from_a_client_that_is_not_a_trusted_proxy_change_nothing()
    {
        await using var app = await StartAsync(perClient: 1, wholeChat: 100);

        using var first = await AskAsync(app, Flooder, forwardedFor: "203.0.113.1");
        using var second = await AskAsync(app, Flooder, forwardedFor: "203.0.113.2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance_and_cannot_pose_as_another()
    {
        await using var app = await StartAsync(perClient: 1, wholeChat: 100, ("WebChat:TrustedProxies:0", "10.0.0.0/8"));

        using var alice = await AskAsync(app, "10.0.0.2", forwardedFor: "203.0.113.1");
        using var bob = await AskAsync(app, "10.0.0.2", forwardedFor: "203.0.113.2");
        // Alice writes Bob's address in front of her own; the proxy appends hers, and that is the one that counts.
        using var aliceAsBob = await AskAsync(app, "10.0.0.2", forwardedFor: "203.0.113.2, 203.0.113.1");

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, aliceAsBob.StatusCode);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("10.0.0.1/8")]
    public async Task A_trusted_proxy_that_is_not_an_address_or_a_network_stops_the_host_naming_the_key(string entry)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(perClient: 1, wholeChat: 1, ("WebChat:TrustedProxies:0", entry)));

        Assert.Contains("WebChat:TrustedProxies:0", failure.Message, StringComparison.Ordinal);
    }

    private Task<TestApp> StartAsync(int perClient, int wholeChat, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Limits:PerUserPermitsPerMinute"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:PerChannelPermitsPerMinute"] = wholeChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        return TestApp.StartAsync(_engine, configuration, services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            TestPeerAddress.AddTo(services);
        });
    }

    private static async Task<HttpResponseMessage> AskAsync(TestApp app, string peer, string? conversationId = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat")
        {
            Content = JsonContent.Create(new { text = "what are ice pick scars?", conversationId }),
        };
        request.Headers.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await app.Client.SendAsync(request);
    }
}

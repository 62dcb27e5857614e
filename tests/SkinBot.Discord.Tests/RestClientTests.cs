using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;
using SkinBot.Discord.Tests.Fakes;

using SkinBot.Testing;
namespace SkinBot.Discord.Tests;

/// <summary>The REST client against the fake: rate limits, retries and the errors it must not retry.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private static readonly Snowflake ChannelA = Snowflake.Parse("800000000000000201");
    private static readonly Snowflake ChannelB = Snowflake.Parse("800000000000000202");
    private static readonly Snowflake App = Snowflake.Parse(FakeGateway.ApplicationId);
    private FakeDiscord _discord = null!;
    private BotHost _bot = null!;
    private MetricsRecorder _metrics = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        var settings = BotHost.Settings(_discord);
        settings["Discord:GatewayUrl"] = "ws://127.0.0.1:9/not-used";
        // No gateway: these tests talk to the REST client directly.
        settings["Discord:BotToken"] = null;
        _bot = await BotHost.StartAsync(settings);
        _metrics = _bot.Metrics;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private DiscordRestClient Rest => _bot.Services.GetRequiredService<DiscordRestClient>();

    private static OutgoingMessage Hello => OutgoingMessage.Text("hello");

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_in_its_body()
    {
        _discord.Rest.Script("POST", "/messages", FakeResponse.RateLimited(0.3));

        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);

        var calls = _discord.Rest.Where("POST", "/channels/");
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(280), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.Equal(1, _metrics.Total("skinbot.discord.rest.rate_limited"));
    }

    [Fact]
    public async Task A_429_without_a_body_uses_the_retry_after_header()
    {
        _discord.Rest.Script("POST", "/messages", new FakeResponse(429, null, new Dictionary<string, string> { ["Retry-After"] = "0.3" }));

        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);

        var calls = _discord.Rest.Where("POST", "/channels/");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(280));
    }

    [Fact]
    public async Task A_global_429_pauses_requests_to_every_route()
    {
        _discord.Rest.Script("POST", $"/channels/{ChannelA}/messages", FakeResponse.RateLimited(0.4, global: true));

        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);
        var limitedAt = _discord.Rest.Calls.First().At;
        await Rest.CreateMessageAsync(ChannelB, Hello, CancellationToken.None);

        var other = Assert.Single(_discord.Rest.Where("POST", $"/channels/{ChannelB}/"));
        Assert.True(other.At - limitedAt >= TimeSpan.FromMilliseconds(370), $"other route went after {(other.At - limitedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_but_other_channels_do_not()
    {
        var exhausted = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            // Long enough that a loaded machine's slow round trip cannot pass for waiting out the reset.
            ["X-RateLimit-Reset-After"] = "3",
            ["X-RateLimit-Bucket"] = "b-channels", // the hash the fake gives every /channels route
        };
        _discord.Rest.Script("POST", $"/channels/{ChannelA}/messages", new FakeResponse(200, """{"id":"1"}""", exhausted));

        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);
        var first = _discord.Rest.Calls.Last().At;
        await Rest.CreateMessageAsync(ChannelB, Hello, CancellationToken.None);
        var otherChannel = _discord.Rest.Calls.Last().At;
        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);
        var sameChannel = _discord.Rest.Calls.Last().At;

        Assert.True(otherChannel - first < TimeSpan.FromMilliseconds(2500), $"another channel is another bucket, but it went after {(otherChannel - first).TotalMilliseconds} ms");
        Assert.True(sameChannel - first >= TimeSpan.FromMilliseconds(2950), $"same bucket went after {(sameChannel - first).TotalMilliseconds} ms");
        Assert.Equal(0, _metrics.Total("skinbot.discord.rest.rate_limited"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_one_succeeds()
    {
        _discord.Rest.Script("POST", "/messages", FakeResponse.ServerError(502), FakeResponse.ServerError(503), FakeResponse.ServerError(500));

        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);

        Assert.Equal([502, 503, 500, 200], _discord.Rest.Where("POST", "/channels/").Select(c => c.Status));
        Assert.Equal(3, _metrics.Total("skinbot.discord.rest.retries"));
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        _discord.Rest.Script("POST", "/messages", new FakeResponse(0, Abort: true));

        await Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None);

        Assert.Equal([0, 200], _discord.Rest.Where("POST", "/channels/").Select(c => c.Status));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        _discord.Rest.Intercept = _ => FakeResponse.ServerError(502);

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Equal(5, _discord.Rest.Calls.Count);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(400)]
    public async Task Client_errors_are_not_retried(int status)
    {
        _discord.Rest.Script("POST", "/messages", new FakeResponse(status, """{"code":50013,"message":"Missing Permissions"}"""));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(50013, error.DiscordCode);
        Assert.Single(_discord.Rest.Calls);
    }

    [Fact]
    public async Task A_401_says_to_check_the_token_without_printing_it()
    {
        _discord.Rest.Script("POST", "/messages", new FakeResponse(401, """{"code":0,"message":"401: Unauthorized"}"""));

        await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateMessageAsync(ChannelA, Hello, CancellationToken.None));

        var line = Assert.Single(_bot.Logs.Entries, l => l.Level == LogLevel.Error);
        Assert.Contains("Discord:BotToken", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_on_an_interaction_webhook_is_dropped_at_once()
    {
        _discord.Rest.Script("PATCH", "/webhooks/", new FakeResponse(404, """{"code":10015,"message":"Unknown Webhook"}"""));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Rest.EditOriginalResponseAsync(App, "expired-token", Hello, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Single(_discord.Rest.Calls);
        Assert.Equal("/webhooks/{application_id}/{token}/messages/@original", error.RouteTemplate);
    }

    [Fact]
    public async Task Webhook_calls_carry_no_bot_token_and_every_call_identifies_the_bot()
    {
        await Rest.CreateFollowUpMessageAsync(App, "tok", Hello, CancellationToken.None);

        var call = Assert.Single(_discord.Rest.Calls);
        Assert.Null(call.Authorization);
        Assert.Equal("application/json", call.ContentType);
    }

    [Fact]
    public async Task A_follow_up_message_that_got_a_server_error_is_not_posted_again()
    {
        _discord.Rest.Script("POST", "/webhooks/", FakeResponse.ServerError(502));

        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateFollowUpMessageAsync(App, "tok", Hello, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadGateway, error.Status);
        Assert.Single(_discord.Rest.Calls);
    }

    [Fact]
    public async Task A_follow_up_message_whose_response_was_lost_is_not_posted_again()
    {
        _discord.Rest.Script("POST", "/webhooks/", new FakeResponse(0, Abort: true));

        await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateFollowUpMessageAsync(App, "tok", Hello, CancellationToken.None));

        Assert.Single(_discord.Rest.Calls);
    }

    [Fact]
    public async Task An_interaction_callback_answered_already_acknowledged_counts_as_delivered()
    {
        _discord.Rest.Script("POST", "/callback", new FakeResponse(400, """{"code":40060,"message":"Interaction has already been acknowledged."}"""));

        await Rest.CreateInteractionResponseAsync(Snowflake.Parse("1400000000000000009"), "tok", InteractionResponse.DeferredMessage(false),
            DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3), CancellationToken.None);

        Assert.Single(_discord.Rest.Calls);
    }

    [Fact]
    public async Task An_interaction_callback_gives_up_at_its_deadline_without_retrying()
    {
        _discord.Rest.Script("POST", "/callback", new FakeResponse(204) { Delay = TimeSpan.FromSeconds(10) });
        var started = DateTimeOffset.UtcNow;

        await Assert.ThrowsAsync<DiscordRestException>(() => Rest.CreateInteractionResponseAsync(Snowflake.Parse("1400000000000000010"), "tok",
            InteractionResponse.DeferredMessage(false), started + TimeSpan.FromMilliseconds(800), CancellationToken.None));

        // RestTimeout is 5 s in these tests: the deadline, not the timeout, ended the call.
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Single(_discord.Rest.Calls);
    }
}

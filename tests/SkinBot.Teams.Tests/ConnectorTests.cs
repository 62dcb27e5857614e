using System.Net;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>Replies reach the connector service once, at the right address, with the right card, despite throttling.</summary>
public sealed class ConnectorTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_channel_reply_goes_to_the_escaped_thread_address_exactly_once()
    {
        using var response = await _host.PostAsync(TeamsPayloads.ChannelMention(_host.Connector.ServiceUrl, "<at>SkinBot</at>&nbsp;what are boxcar scars?", id: "1700000000123"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _host.WhenIdleAsync();

        var reply = Assert.Single(_host.Connector.Requests);
        Assert.Equal(
            "/v3/conversations/19%3A4f1c2a3b5d6e7f80%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1700000000123",
            reply.RawTarget);
        Assert.Equal("Bearer outbound-token-1", reply.Authorization);
        Assert.Equal("message", reply.Type);
        Assert.Equal("1700000000123", reply.Body["replyToId"]!.GetValue<string>());
        Assert.Equal(TeamsPayloads.BotId, reply.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsPayloads.UserId, reply.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsPayloads.ChannelConversationId, reply.Body["conversation"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_activity_id_with_reserved_characters_is_escaped_in_the_reply_address()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent", id: "1:1Zx9yW8v/U7tS6=="));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _host.WhenIdleAsync();

        var reply = Assert.Single(_host.Connector.Requests);
        Assert.Equal("/v3/conversations/a%3A1Xh3sWq9fBdM0c-7kQ2zT8uYpLrN5vE6gJ4oA1iK/activities/1%3A1Zx9yW8v%2FU7tS6%3D%3D", reply.RawTarget);
    }

    [Fact]
    public async Task The_reply_carries_the_answer_card_with_a_plain_text_fallback()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "scar boxcar"));
        await _host.WhenIdleAsync();

        var reply = Assert.Single(_host.Connector.DeliveredMessages).Body;
        var attachment = Assert.Single(reply["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Boxcar scars", card["body"]![0]!["text"]!.GetValue<string>());
        var fallback = card["fallbackText"]!.GetValue<string>();
        Assert.StartsWith("**Boxcar scars**", fallback, StringComparison.Ordinal);
        Assert.Contains(TeamsAnswers.Caveat, fallback, StringComparison.Ordinal);
        Assert.Equal("Boxcar scars", reply["summary"]!.GetValue<string>());
        Assert.Null(reply["entities"]);
    }

    [Fact]
    public async Task A_redelivered_activity_is_answered_once()
    {
        var activity = TeamsPayloads.ChannelMention(_host.Connector.ServiceUrl, "<at>SkinBot</at> what are boxcar scars?");
        using var first = await _host.PostAsync(activity);
        using var second = await _host.PostAsync(activity);
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_host.Connector.Requests);
        Assert.Single(_host.Engine.Requests);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.activities.duplicates"));
    }

    [Fact]
    public async Task The_same_activity_id_in_another_conversation_is_not_a_duplicate()
    {
        using var first = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent", id: "1700000000555"));
        using var second = await _host.PostAsync(TeamsPayloads.ChannelMention(_host.Connector.ServiceUrl, "<at>SkinBot</at> prevent", id: "1700000000555"));
        await _host.WhenIdleAsync();

        Assert.Equal(2, _host.Connector.DeliveredMessages.Count);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_the_wait_it_asks_for()
    {
        _host.Connector.Script(HttpStatusCode.TooManyRequests, retryAfter: "1");

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        var attempts = _host.Connector.Requests;
        Assert.Equal(2, attempts.Count);
        Assert.Equal(429, attempts[0].StatusReturned);
        Assert.Equal(200, attempts[1].StatusReturned);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.throttled"));
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.retries"));
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.replies.sent[kind=reply]"));
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_failures_are_retried_until_delivered(HttpStatusCode status)
    {
        _host.Connector.Script(status);
        _host.Connector.Script(status);

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Equal(3, _host.Connector.Requests.Count);
        Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal(0, _host.Metrics.Total("skinbot.teams.send.failures"));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_failure_is_counted()
    {
        for (var i = 0; i < 6; i++)
        {
            _host.Connector.Script(HttpStatusCode.BadGateway);
        }

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Equal(4, _host.Connector.Requests.Count);
        Assert.Empty(_host.Connector.DeliveredMessages);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.failures[kind=reply]"));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_server_error_that_may_have_posted_the_reply_is_not_retried(HttpStatusCode status)
    {
        _host.Connector.Script(status);

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Single(_host.Connector.Requests);
        Assert.Equal(0, _host.Metrics.Total("skinbot.teams.send.retries"));
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.failures[kind=reply]"));
    }

    [Fact]
    public async Task A_timeout_after_the_reply_was_sent_is_not_retried()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:SendTimeout"] = "00:00:00.500");
        host.Connector.ScriptNoAnswer();

        using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent"));
        await host.WhenIdleAsync();

        Assert.Single(host.Connector.Requests);
        Assert.Equal(0, host.Metrics.Total("skinbot.teams.send.retries"));
        Assert.Equal(1, host.Metrics.Total("skinbot.teams.send.failures[kind=reply]"));
        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith("Gave up sending a reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_reply_was_sent_is_not_retried()
    {
        _host.Connector.ScriptDroppedConnection();

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Single(_host.Connector.Requests);
        Assert.Equal(0, _host.Metrics.Total("skinbot.teams.send.retries"));
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.failures[kind=reply]"));
    }

    [Fact]
    public async Task A_refused_connection_sent_nothing_and_is_retried()
    {
        // A loopback port nobody listens on: every attempt is refused before anything is sent.
        const string nobodyListens = "http://127.0.0.1:9/";
        using var response = await _host.PostAsync(TeamsPayloads.Personal(nobodyListens, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, _host.Metrics.Total("skinbot.teams.send.retries"));
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.failures[kind=reply]"));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _host.Connector.Script(HttpStatusCode.Forbidden);

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Single(_host.Connector.Requests);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.send.failures"));
    }

    [Fact]
    public async Task The_outbound_token_is_requested_once_by_client_credentials_and_cached()
    {
        using var first = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent", id: "1700000000601"));
        using var second = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "scar boxcar", id: "1700000000602"));
        await _host.WhenIdleAsync();

        var tokenRequest = Assert.Single(_host.Tokens.Requests);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(TeamsTestHost.AppId, tokenRequest["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);
        Assert.All(_host.Connector.Requests, r => Assert.Equal("Bearer outbound-token-1", r.Authorization));
        Assert.Equal(2, _host.Connector.DeliveredMessages.Count);
    }

    [Fact]
    public async Task The_client_secret_never_reaches_the_logs()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.Single(_host.Connector.DeliveredMessages);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(TeamsTestHost.AppPassword, StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains(TeamsTestHost.AppPassword, StringComparison.Ordinal) ?? false));
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains("outbound-token-1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(429, 1)]
    [InlineData(503, 3)] // MSAL itself retries a 5xx; this outage outlasts that
    public async Task A_transient_token_error_is_retried_and_the_reply_still_arrives(int status, int times)
    {
        _host.Tokens.FailNext([.. Enumerable.Repeat(status, times)]);

        using var response = await _host.PostAsync(TeamsPayloads.Personal(_host.Connector.ServiceUrl, "prevent"));
        await _host.WhenIdleAsync();

        Assert.True(_host.Tokens.Requests.Count >= 2, $"{_host.Tokens.Requests.Count} token request(s)");
        var reply = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal("prevent", _host.Engine.Requests.Single().Text);
        Assert.Equal("Bearer outbound-token-1", reply.Authorization);
        Assert.Equal(0, _host.Metrics.Total("skinbot.teams.send.failures"));
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_without_retrying_and_without_logging_the_secret()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MicrosoftAppPassword"] = "wrong-secret-also-private");

        using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent"));
        await host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
        Assert.Equal(1, host.Metrics.Total("skinbot.teams.send.failures"));
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Could not get a Bot Framework token", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("wrong-secret-also-private", StringComparison.Ordinal));
    }
}

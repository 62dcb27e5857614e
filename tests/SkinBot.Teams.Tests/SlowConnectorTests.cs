using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkinBot.Teams.Connector;
using SkinBot.Teams.Tests.Fakes;
using Xunit.Abstractions;

namespace SkinBot.Teams.Tests;

/// <summary>
/// A slow connector address (serviceUrl) holds only its own sends: replies to every other address go out at once,
/// its own replies still arrive in conversation order or fail with a log line, and a retry's wait holds nothing.
/// </summary>
public sealed class SlowConnectorTests(ITestOutputHelper output)
{
    /// <summary>How long the slow connector would take if the test did not release it; the fast reply must beat it by far.</summary>
    private static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_slow_connector_does_not_delay_replies_to_a_fast_one()
    {
        await using var host = await TeamsTestHost.StartAsync(s =>
        {
            s["Teams:MaxConcurrentTurns"] = "4";
            s["Teams:MaxConcurrentSendsPerServiceUrl"] = "4";
        });
        await using var slow = await FakeConnector.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Gate = Task.WhenAny(release.Task, Task.Delay(SlowDelay));

        // More activities to the slow connector than there are answer workers and slots to it.
        var slowIds = Enumerable.Range(1, 6).Select(Id).ToList();
        foreach (var id in slowIds)
        {
            using var accepted = await host.PostAsync(InConversation(slow.ServiceUrl, "slow-" + id, id));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await slow.WaitForRequestsAsync(4);

        var clock = Stopwatch.StartNew();
        using var fastResponse = await host.PostAsync(InConversation(host.Connector.ServiceUrl, "fast", Id(100)));
        var fastReply = Assert.Single(await host.Connector.WaitForRequestsAsync(1, SlowDelay));
        var fastLatency = clock.Elapsed;
        output.WriteLine($"fast reply after {fastLatency.TotalMilliseconds:0} ms while the slow connector held {slow.Requests.Count} sends");

        Assert.Equal(HttpStatusCode.Accepted, fastResponse.StatusCode);
        Assert.Equal(Id(100), fastReply.Body["replyToId"]!.GetValue<string>());
        Assert.True(fastLatency < TimeSpan.FromSeconds(3), $"the fast connector's reply took {fastLatency.TotalMilliseconds:0} ms");
        Assert.False(slow.Gate.IsCompleted, "the slow connector was released before the fast reply arrived");
        Assert.Equal(4, slow.Requests.Count);
        Assert.Equal(4, slow.MaxInFlight);

        release.SetResult();
        await host.WhenIdleAsync();

        Assert.Equal(slowIds.Order(StringComparer.Ordinal), slow.DeliveredMessages.Select(r => r.Body["replyToId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(slow.MaxInFlight <= 4, $"{slow.MaxInFlight} requests in flight to one address");
        Assert.Equal(0, host.Metrics.Total("skinbot.teams.send.failures"));
        Assert.Equal(0, host.Services.GetRequiredService<ConnectorSendSlots>().ActiveAddresses);
    }

    [Fact]
    public async Task Replies_to_a_slow_connector_keep_their_conversation_order()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Connector.Gate = release.Task;

        var ids = Enumerable.Range(1, 3).Select(Id).ToList();
        foreach (var id in ids)
        {
            using var accepted = await host.PostAsync(InConversation(host.Connector.ServiceUrl, "chat", id));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        await host.Connector.WaitForRequestsAsync(1);

        // While the first reply is stuck the workers are free, yet the chat's next message is neither answered nor sent.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Single(host.Connector.Requests);
        Assert.Single(host.Engine.Requests);

        release.SetResult();
        await host.WhenIdleAsync();

        Assert.Equal(ids, host.Connector.DeliveredMessages.Select(r => r.Body["replyToId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_retry_wait_holds_neither_a_worker_nor_a_send_slot()
    {
        await using var host = await TeamsTestHost.StartAsync(s =>
        {
            s["Teams:MaxConcurrentTurns"] = "1";
            s["Teams:MaxConcurrentSendsPerServiceUrl"] = "1";
            s["Teams:MaxRetryDelay"] = "00:00:05";
        });
        host.Connector.Script(HttpStatusCode.TooManyRequests, retryAfter: "3");

        using var throttled = await host.PostAsync(InConversation(host.Connector.ServiceUrl, "first", Id(1)));
        await host.Connector.WaitForRequestsAsync(1);
        var clock = Stopwatch.StartNew();
        using var other = await host.PostAsync(InConversation(host.Connector.ServiceUrl, "second", Id(2)));
        await host.Connector.WaitForRequestsAsync(2);
        var otherLatency = clock.Elapsed;
        await host.WhenIdleAsync();

        var requests = host.Connector.Requests;
        Assert.Equal([Id(1), Id(2), Id(1)], requests.Select(r => r.Body["replyToId"]!.GetValue<string>()));
        Assert.Equal([429, 200, 200], requests.Select(r => r.StatusReturned));
        Assert.True(otherLatency < TimeSpan.FromSeconds(2.5), $"the other conversation's reply waited {otherLatency.TotalMilliseconds:0} ms behind a 3 s retry wait");
        Assert.True(requests[2].At - requests[0].At >= TimeSpan.FromSeconds(2.9), "the throttled reply did not wait for its Retry-After");
        Assert.Equal(2, host.Connector.DeliveredMessages.Count);
    }

    [Fact]
    public async Task A_connector_that_never_answers_fails_every_reply_cleanly_by_the_send_deadline()
    {
        await using var host = await TeamsTestHost.StartAsync(s =>
        {
            s["Teams:MaxConcurrentSendsPerServiceUrl"] = "1";
            s["Teams:SendTimeout"] = "00:00:02";
            s["Teams:SendDeadline"] = "00:00:02.500";
        });
        var ids = Enumerable.Range(1, 3).Select(Id).ToList();
        foreach (var _ in ids)
        {
            host.Connector.ScriptNoAnswer();
        }

        foreach (var id in ids)
        {
            using var accepted = await host.PostAsync(InConversation(host.Connector.ServiceUrl, "stuck-" + id, id));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        // From the last acknowledgement: the first request also loads the signing keys, which is not the point here.
        var clock = Stopwatch.StartNew();

        await host.WhenIdleAsync();
        var elapsed = clock.Elapsed;

        // One slot and a 2 s timeout would take 6 s one after another; the deadline ends them all near 2.5 s.
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"giving up took {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(3, host.Metrics.Total("skinbot.teams.send.failures[kind=reply]"));
        Assert.Equal(0, host.Metrics.Total("skinbot.teams.send.retries"));
        var gaveUp = host.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Gave up sending a reply to the connector service " + host.Connector.ServiceUrl.TrimEnd('/'), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, gaveUp.Count);
        Assert.Contains(gaveUp, e => e.Message.Contains("(SendDeadline)", StringComparison.Ordinal));
        foreach (var id in ids)
        {
            // No reply is lost silently: each undelivered one is named with its activity.
            Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith($"Could not deliver the reply to activity {id} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_connector_with_too_many_undelivered_replies_gets_503_while_others_are_still_accepted()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MaxPendingPerServiceUrl"] = "2");
        await using var slow = await FakeConnector.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.Gate = release.Task;

        using var first = await host.PostAsync(InConversation(slow.ServiceUrl, "a", Id(1)));
        using var second = await host.PostAsync(InConversation(slow.ServiceUrl, "b", Id(2)));
        using var refused = await host.PostAsync(InConversation(slow.ServiceUrl, "c", Id(3)));
        using var fast = await host.PostAsync(InConversation(host.Connector.ServiceUrl, "d", Id(4)));
        await host.Connector.WaitForRequestsAsync(1);
        release.SetResult();
        await host.WhenIdleAsync();
        using var later = await host.PostAsync(InConversation(slow.ServiceUrl, "c", Id(3)));
        await host.WhenIdleAsync();

        Assert.Equal(
            [HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted, HttpStatusCode.Accepted],
            new[] { first.StatusCode, second.StatusCode, refused.StatusCode, fast.StatusCode, later.StatusCode });
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Too many undelivered replies to " + slow.ServiceUrl.TrimEnd('/'), StringComparison.Ordinal));
        Assert.Equal(3, slow.DeliveredMessages.Count);
        Assert.Single(host.Connector.DeliveredMessages);
    }

    private static string Id(int n) => (1700000001000 + n).ToString(CultureInfo.InvariantCulture);

    /// <summary>A personal-chat message in a conversation of its own (named by <paramref name="conversation"/>).</summary>
    private static JsonObject InConversation(string serviceUrl, string conversation, string id)
    {
        var activity = TeamsPayloads.Personal(serviceUrl, "prevent", id: id);
        activity["conversation"]!["id"] = "a:" + conversation;
        return activity;
    }
}

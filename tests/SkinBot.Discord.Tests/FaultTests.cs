using Microsoft.Extensions.Logging;
using SkinBot.Discord.Tests.Fakes;
using Xunit.Abstractions;

namespace SkinBot.Discord.Tests;

/// <summary>Connection faults and REST rate limits delay answers but never lose or duplicate one.</summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private static readonly string[] Channels = ["800000000000000101", "800000000000000102", "800000000000000103"];

    [Fact]
    public async Task Every_message_gets_exactly_one_reply_in_order_through_drops_reconnects_and_invalid_sessions()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway: g =>
        {
            g.HeartbeatIntervalMs = 250;
            g.ReplayOverlap = 2;
        });
        var metrics = harness.Bot.Metrics;
        var sent = new List<(string Channel, string Id)>();
        var drops = 0;
        for (var i = 0; i < 66; i++)
        {
            var channel = Channels[i % Channels.Length];
            sent.Add((channel, harness.Say($"question {i}", channelId: channel)));
            if (i % 3 == 2 && drops < 20)
            {
                harness.Gateway.Drop();
                drops++;
            }

            switch (i)
            {
                case 10 or 40:
                    harness.Gateway.SendReconnect();
                    break;
                case 20 or 50:
                    harness.Gateway.SendInvalidSession(resumable: false);
                    break;
                case 30:
                    harness.Gateway.SendInvalidSession(resumable: true);
                    break;
                case 60:
                    harness.Gateway.CloseWith(4000);
                    break;
            }

            if (i == 45)
            {
                // Once everything so far is answered (so no queued fault interferes), withhold ACKs until the
                // client gives up on the zombie connection.
                await harness.WaitForRepliesAsync(sent.Count, TimeSpan.FromSeconds(20));
                harness.Gateway.WithholdAcks = true;
                await GatewayTests.Eventually(() => harness.Bot.Logs.Entries.Any(l => l.Message.StartsWith("No heartbeat ACK", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
                harness.Gateway.WithholdAcks = false;
            }

            if (i % 6 == 5)
            {
                // Let the fake act on its queue now and then, so faults land between messages, not only at the end.
                await Task.Delay(15);
            }
        }

        try
        {
            await harness.WaitForRepliesAsync(sent.Count, TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // What the bot and the fake saw, for whoever has to read a failure.
            foreach (var log in harness.Bot.Logs.Entries.Where(l => l.Level >= LogLevel.Information))
            {
                output.WriteLine($"{log.Level} {log.Category}: {log.Message}");
            }

            foreach (var c in harness.Gateway.Connections)
            {
                output.WriteLine($"{c.Path} identify={c.Identify is not null} resume={c.Resume is not null} ready={c.Ready} dropped={c.Dropped} close={c.ClientCloseCode}");
            }

            throw;
        }
        // One more full drop and resume after everything: replays must not produce second answers.
        harness.Gateway.Drop();
        var sentinel = harness.Say("sentinel", channelId: Channels[0]);
        await harness.WaitForRepliesAsync(sent.Count + 1, TimeSpan.FromSeconds(20));

        var replies = harness.Replies();
        Assert.Equal(sent.Count + 1, replies.Count);
        Assert.Equal(sent.Select(s => s.Id).Append(sentinel).Order(), replies.Select(r => r.ReplyTo!).Order());
        foreach (var channel in Channels)
        {
            var expected = sent.Where(s => s.Channel == channel).Select(s => s.Id).ToList();
            if (channel == Channels[0])
            {
                expected.Add(sentinel);
            }

            Assert.Equal(expected, replies.Where(r => r.Channel == channel).Select(r => r.ReplyTo!));
        }

        var (reconnects, resumes, identifies) = (metrics.Total("skinbot.discord.gateway.reconnects"), metrics.Total("skinbot.discord.gateway.resumes"), metrics.Total("skinbot.discord.gateway.identifies"));
        var summary = $"drops {harness.Gateway.Connections.Count(c => c.Dropped)}, reconnects {reconnects}, resumes {resumes}, identifies {identifies}";
        Assert.True(harness.Gateway.Connections.Count(c => c.Dropped) >= 20, summary);
        // 21 drops, 2 RECONNECTs, 3 INVALID_SESSIONs, a 4000 close and a zombie; a fault that the fake plays on a
        // connection the client already left ends nothing, hence the margin.
        Assert.True(reconnects >= 20, summary);
        // The first IDENTIFY plus one after each of the two non-resumable INVALID_SESSIONs (the fake invalidates the
        // session even if the op 9 is lost, so the resume that follows is refused); the recorder listens from before
        // the host starts, so the first one is always counted.
        Assert.True(resumes >= 10 && identifies >= 3, summary);
        // The counter moves once the send has returned, which can be just after the fake has recorded the reply.
        await GatewayTests.Eventually(() => metrics.Total("skinbot.discord.messages.answered") >= sent.Count + 1, TimeSpan.FromSeconds(5));
        Assert.Equal(sent.Count + 1, metrics.Total("skinbot.discord.messages.answered"));
        Assert.Equal(0, metrics.Total("skinbot.discord.send.failures"));
    }

    [Fact]
    public async Task A_429_storm_delays_replies_but_loses_none()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var metrics = harness.Bot.Metrics;
        var limited = 0;
        harness.Rest.Intercept = request =>
        {
            if (!request.Path.Value!.EndsWith("/messages", StringComparison.Ordinal) || Interlocked.Increment(ref limited) > 30)
            {
                return null;
            }

            // Mostly route limits, with a few global ones that must pause everything.
            return FakeResponse.RateLimited(0.05, global: limited % 10 == 0);
        };
        var sent = Enumerable.Range(0, 12).Select(i => (Channel: Channels[i % 2], Id: harness.Say($"question {i}", channelId: Channels[i % 2]))).ToList();

        await harness.WaitForRepliesAsync(sent.Count, TimeSpan.FromSeconds(30));

        var replies = harness.Replies();
        Assert.Equal(sent.Count, replies.Count);
        foreach (var channel in Channels[..2])
        {
            Assert.Equal(sent.Where(s => s.Channel == channel).Select(s => s.Id), replies.Where(r => r.Channel == channel).Select(r => r.ReplyTo!));
        }

        Assert.Equal(30, metrics.Total("skinbot.discord.rest.rate_limited"));
        Assert.Equal(0, metrics.Total("skinbot.discord.send.failures"));
    }
}

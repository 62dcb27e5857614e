using System.Net;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>One conversation is answered in order, one message at a time; other conversations do not wait for it.</summary>
public sealed class OrderingTests
{
    [Fact]
    public async Task Two_quick_messages_in_one_chat_are_answered_in_order_while_other_chats_proceed()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MaxConcurrentTurns"] = "4");
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondReachedEngine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Engine.Hold = (request, _) =>
        {
            if (request.ConversationId != TeamsPayloads.PersonalConversationId)
            {
                return Task.CompletedTask;
            }

            if (request.Text == "prevent")
            {
                return releaseFirst.Task;
            }

            secondReachedEngine.TrySetResult();
            return Task.CompletedTask;
        };

        using var first = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: "1700000000701"));
        using var second = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "what are boxcar scars?", id: "1700000000702"));
        using var other = await host.PostAsync(TeamsPayloads.ChannelMention(host.Connector.ServiceUrl, "<at>SkinBot</at> boxcar", id: "1700000000703"));

        // The channel is answered while the personal chat's first answer is held back...
        var otherReply = Assert.Single(await host.Connector.WaitForRequestsAsync(1));
        Assert.Equal("1700000000703", otherReply.Body["replyToId"]!.GetValue<string>());

        // ...and the personal chat's second message waits for its first: a correct queue never lets it through,
        // so this bounded wait can only time out.
        var overtook = await Task.WhenAny(secondReachedEngine.Task, Task.Delay(TimeSpan.FromMilliseconds(500))) == secondReachedEngine.Task;
        Assert.False(overtook, "the second message reached the engine while the first was still being answered");

        releaseFirst.SetResult();
        await host.WhenIdleAsync();

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], new[] { first.StatusCode, second.StatusCode, other.StatusCode });
        Assert.Equal(
            ["1700000000701", "1700000000702"],
            host.Connector.DeliveredMessages
                .Where(r => r.Body["conversation"]!["id"]!.GetValue<string>() == TeamsPayloads.PersonalConversationId)
                .Select(r => r.Body["replyToId"]!.GetValue<string>()));
        Assert.Equal(
            ["prevent", "what are boxcar scars?"],
            host.Engine.Requests.Where(r => r.ConversationId == TeamsPayloads.PersonalConversationId).Select(r => r.Text));
    }

    [Fact]
    public async Task Many_messages_in_one_chat_are_answered_in_the_order_they_arrived()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MaxConcurrentTurns"] = "4");
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ids = Enumerable.Range(0, 12).Select(i => (1700000000800 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent " + id, id: id));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        host.Engine.Gate.SetResult();
        await host.WhenIdleAsync();

        Assert.Equal(ids, host.Connector.DeliveredMessages.Select(r => r.Body["replyToId"]!.GetValue<string>()));
        Assert.Equal(ids.Select(id => "prevent " + id), host.Engine.Requests.Select(r => r.Text));
    }

    [Fact]
    public async Task A_full_queue_refuses_with_503_and_accepts_again_once_drained()
    {
        await using var host = await TeamsTestHost.StartAsync(s =>
        {
            s["Teams:MaxConcurrentTurns"] = "1";
            s["Teams:QueueCapacity"] = "2";
        });
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var inFlight = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: "1700000000901"));
        await host.Engine.WaitForRequestsAsync(1);
        using var waiting1 = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: "1700000000902"));
        using var waiting2 = await host.PostAsync(TeamsPayloads.ChannelMention(host.Connector.ServiceUrl, "<at>SkinBot</at> prevent", id: "1700000000903"));
        using var refused = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: "1700000000904"));
        host.Engine.Gate.SetResult();
        await host.WhenIdleAsync();
        using var later = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: "1700000000904"));
        await host.WhenIdleAsync();

        Assert.Equal(
            [HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted],
            new[] { inFlight.StatusCode, waiting1.StatusCode, waiting2.StatusCode, refused.StatusCode, later.StatusCode });
        Assert.Equal(4, host.Connector.DeliveredMessages.Count);
    }
}

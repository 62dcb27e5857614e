using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>Teams does not redeliver an activity it got 202 for, so shutdown answers what it acknowledged.</summary>
public sealed class ShutdownTests
{
    private const string PersonalId = "1700000000456";
    private const string ChannelId = "1700000000123";

    [Fact]
    public async Task Stopping_answers_every_acknowledged_activity_and_refuses_new_ones_with_503()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MaxConcurrentTurns"] = "1");
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var first = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: PersonalId));
        using var second = await host.PostAsync(TeamsPayloads.ChannelMention(host.Connector.ServiceUrl, "<at>SkinBot</at> boxcar", id: ChannelId));
        await host.Engine.WaitForRequestsAsync(1);

        using var farDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stopping = Worker(host).StopAsync(farDeadline.Token);
        using var late = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "scar boxcar", id: "1700000000999"));
        host.Engine.Gate.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        Assert.Equal(
            [ChannelId, PersonalId],
            host.Connector.DeliveredMessages.Select(r => r.Body["replyToId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(2, host.Engine.Requests.Count);
    }

    [Fact]
    public async Task Activities_still_unanswered_at_the_shutdown_deadline_are_logged_by_id()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:MaxConcurrentTurns"] = "1");
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var first = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "prevent", id: PersonalId));
        using var second = await host.PostAsync(TeamsPayloads.ChannelMention(host.Connector.ServiceUrl, "<at>SkinBot</at> boxcar", id: ChannelId));
        await host.Engine.WaitForRequestsAsync(1);

        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Worker(host).StopAsync(deadline.Token).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(host.Connector.Requests);
        var unanswered = host.Logs.Entries
            .Where(e => e.Level >= LogLevel.Warning && e.Message.Contains("not answered before shutdown", StringComparison.Ordinal))
            .Select(e => e.Message)
            .ToList();
        Assert.Equal(2, unanswered.Count);
        Assert.Contains(unanswered, m => m.Contains(PersonalId, StringComparison.Ordinal));
        Assert.Contains(unanswered, m => m.Contains(ChannelId, StringComparison.Ordinal));
    }

    private static TurnWorker Worker(TeamsTestHost host) =>
        host.Services.GetServices<IHostedService>().OfType<TurnWorker>().Single();
}

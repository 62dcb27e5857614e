using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SkinBot.Core.Conversations;
using SkinBot.Core.State;

namespace SkinBot.Redis.Tests;

public sealed class OutageTests
{
    private static async Task<HealthStatus> WaitForHealthAsync(Replica replica, HealthStatus wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        HealthStatus status;
        do
        {
            status = (await replica.Health.CheckHealthAsync(new HealthCheckContext())).Status;
            if (status == wanted)
            {
                return status;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }

    [RedisFact]
    public async Task Answers_continue_on_local_state_while_Redis_is_down_and_shared_state_returns_with_it()
    {
        await using var server = await RedisServer.StartAsync();
        await using var replica = new Replica(server.Configuration);
        Assert.True(await replica.Ledger.TryClaimAsync(DeliveryKey.Discord(1), CancellationToken.None));
        Assert.Equal(HealthStatus.Healthy, await WaitForHealthAsync(replica, HealthStatus.Healthy));

        await server.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, await WaitForHealthAsync(replica, HealthStatus.Unhealthy));
        for (ulong id = 2; id < 50; id++)
        {
            Assert.True(await replica.Ledger.TryClaimAsync(DeliveryKey.Discord(id), CancellationToken.None));
        }

        Assert.False(await replica.Ledger.TryClaimAsync(DeliveryKey.Discord(2), CancellationToken.None));
        var context = new ConversationContext("scar_types", "boxcar", DateTimeOffset.UtcNow);
        await replica.Conversations.SetAsync("discord:c:u", context, CancellationToken.None);
        Assert.Equal(context, await replica.Conversations.GetAsync("discord:c:u", CancellationToken.None));
        Assert.Null(await replica.Buckets.TryTakeAsync("user:1", 10, CancellationToken.None));

        await server.StartAgainAsync();

        Assert.Equal(HealthStatus.Healthy, await WaitForHealthAsync(replica, HealthStatus.Healthy));
        await using var other = new Replica(server.Configuration);
        Assert.True(await replica.Ledger.TryClaimAsync(DeliveryKey.Discord(500), CancellationToken.None));
        Assert.False(await other.Ledger.TryClaimAsync(DeliveryKey.Discord(500), CancellationToken.None));
        Assert.NotNull(await replica.Buckets.TryTakeAsync("user:1", 10, CancellationToken.None));
        // Once per outage, not once per call: a loaded machine may see the connection blink before the real outage too.
        var downs = replica.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("unreachable", StringComparison.Ordinal));
        var ups = replica.Logs.Entries.Count(e => e.Level == LogLevel.Information && e.Message.Contains("reachable again", StringComparison.Ordinal));
        Assert.InRange(downs, 1, 2);
        Assert.Equal(downs, ups);
        Assert.Contains("reachable again", replica.Logs.Entries.Last(e => e.Message.Contains("reachable", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }
}

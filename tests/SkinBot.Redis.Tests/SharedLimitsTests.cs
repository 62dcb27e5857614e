using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Host.Operations;

namespace SkinBot.Redis.Tests;

public sealed class SharedLimitsTests : IAsyncLifetime
{
    private static readonly IOptions<LimitsOptions> Limits = Options.Create(new LimitsOptions { PerUserPermitsPerMinute = 5, PerChannelPermitsPerMinute = 8 });

    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [RedisFact]
    public async Task A_user_flooding_three_replicas_gets_one_replicas_allowance()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        await using var c = new Replica(_server.Configuration);
        using var guardA = new AbuseGuard(Limits, TimeProvider.System, a.Buckets);
        using var guardB = new AbuseGuard(Limits, TimeProvider.System, b.Buckets);
        using var guardC = new AbuseGuard(Limits, TimeProvider.System, c.Buckets);
        AbuseGuard[] guards = [guardA, guardB, guardC];

        var decisions = new List<GuardDecision>();
        for (var i = 0; i < 30; i++)
        {
            decisions.Add(await guards[i % 3].CheckAsync(new ChatRequest(Platforms.Discord, "ch", "u1", "hi") { ChannelId = "ch" }, CancellationToken.None));
        }

        Assert.Equal(5, decisions.Count(d => d.Outcome == GuardOutcome.Allowed));
        Assert.All(decisions.Skip(5), d => Assert.Equal(LimitScope.User, d.Scope));
    }

    [RedisFact]
    public async Task A_busy_channel_is_limited_across_replicas_whoever_writes()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        using var guardA = new AbuseGuard(Limits, TimeProvider.System, a.Buckets);
        using var guardB = new AbuseGuard(Limits, TimeProvider.System, b.Buckets);

        var allowed = 0;
        for (var i = 0; i < 20; i++)
        {
            var decision = await (i % 2 == 0 ? guardA : guardB).CheckAsync(new ChatRequest(Platforms.Teams, "ch", "user" + i, "hi") { ChannelId = "ch" }, CancellationToken.None);
            allowed += decision.Outcome == GuardOutcome.Allowed ? 1 : 0;
        }

        Assert.Equal(8, allowed);
    }

    [RedisFact]
    public async Task With_Redis_down_each_replica_limits_on_its_own_buckets()
    {
        await using var replica = new Replica(_server.Configuration);
        using var guard = new AbuseGuard(Limits, TimeProvider.System, replica.Buckets);
        await _server.StopAsync();

        var decisions = new List<GuardDecision>();
        for (var i = 0; i < 7; i++)
        {
            decisions.Add(await guard.CheckAsync(new ChatRequest(Platforms.Discord, "ch", "u1", "hi") { ChannelId = "ch" }, CancellationToken.None));
        }

        Assert.Equal(5, decisions.Count(d => d.Outcome == GuardOutcome.Allowed));
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SkinBot.Discord;
using SkinBot.Discord.Rest;

namespace SkinBot.Redis.Tests;

/// <summary>Discord's limits are per bot, not per process: replicas spend one allowance between them (issue 12).</summary>
public sealed class SharedDiscordLimitsTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DiscordRoute Route = DiscordRoute.CreateMessage(new Snowflake(810000000000000001));

    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [RedisFact]
    public async Task A_route_bucket_one_replica_learned_is_spent_by_the_others_and_they_wait_for_its_reset()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var learner = new RateLimitBuckets(TimeProvider.System, a.Quota);
        var other = new RateLimitBuckets(TimeProvider.System, b.Quota);
        await learner.AcquireAsync(Route, None);

        // A window long enough that a stall on a busy CI machine cannot be mistaken for waiting on it, and each wait
        // measured from a moment known to come before what it waits for.
        var sinceUpdate = Stopwatch.StartNew();
        await learner.UpdateAsync(Route, Headers(remaining: 1, resetAfterSeconds: 4), None);
        var firstClock = Stopwatch.StartNew();
        await other.AcquireAsync(Route, None);
        var first = firstClock.Elapsed;
        await other.AcquireAsync(Route, None);
        var second = sinceUpdate.Elapsed;

        Assert.True(first < TimeSpan.FromSeconds(2), $"the last request of the window waited {first}");
        Assert.True(second >= TimeSpan.FromSeconds(3.5), $"a request past the shared count went out {second} after the window was learned");
    }

    [RedisFact]
    public async Task A_late_answer_from_earlier_in_the_window_does_not_give_back_requests_already_spent()
    {
        await using var a = new Replica(_server.Configuration);
        await a.Quota.SetAsync("route", 2, TimeSpan.FromSeconds(5), None);
        await a.Quota.SetAsync("route", 4, TimeSpan.FromSeconds(5), None);

        Assert.Equal(TimeSpan.Zero, await a.Quota.TryTakeAsync("route", None));
        Assert.Equal(TimeSpan.Zero, await a.Quota.TryTakeAsync("route", None));
        Assert.True(await a.Quota.TryTakeAsync("route", None) > TimeSpan.FromSeconds(4));

        await a.Quota.SetAsync("route", 3, TimeSpan.FromSeconds(30), None);
        Assert.Equal(TimeSpan.Zero, await a.Quota.TryTakeAsync("route", None));
    }

    [RedisFact]
    public async Task A_global_rate_limit_on_one_replica_pauses_every_replica()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        using var limited = Global(a);
        using var bystander = Global(b);

        // Timed from before the pause is set, so a slow round trip cannot eat into the wait being measured.
        var clock = Stopwatch.StartNew();
        await limited.PauseForAsync(TimeSpan.FromMilliseconds(600), None);
        await bystander.WaitAsync(None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), $"the other replica sent {clock.Elapsed} after the pause was set");
    }

    [RedisFact]
    public async Task Three_replicas_together_send_no_faster_than_the_global_requests_per_second()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        await using var c = new Replica(_server.Configuration);
        using var ga = Global(a, perSecond: 10);
        using var gb = Global(b, perSecond: 10);
        using var gc = Global(c, perSecond: 10);
        GlobalRateLimit[] replicas = [ga, gb, gc];

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => replicas[i % 3].WaitAsync(None)));

        // 10 at once, then 20 more at 10 a second: about 2 s together; each on its own would have taken 0 s.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.6), $"30 requests went out in {clock.Elapsed}");
    }

    private static GlobalRateLimit Global(Replica replica, int perSecond = 50) =>
        new(Options.Create(new DiscordOptions { GlobalRequestsPerSecond = perSecond }), TimeProvider.System, replica.Buckets, replica.Quota);

    private static HttpResponseHeaders Headers(int remaining, double resetAfterSeconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Bucket", "abc");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response.Headers;
    }
}

using System.Diagnostics;

namespace SkinBot.Redis.Tests;

public sealed class ShardCoordinationTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [RedisFact]
    public async Task Two_pods_never_hold_one_shard_and_a_later_holder_gets_a_higher_fencing_token()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var podA = new RedisShardCoordinator(a.Connection);
        var podB = new RedisShardCoordinator(b.Connection);

        var first = await podA.TryAcquireLeaseAsync(2, "pod-a", TimeSpan.FromMilliseconds(300));
        Assert.NotNull(first);
        Assert.Null(await podB.TryAcquireLeaseAsync(2, "pod-b", TimeSpan.FromMilliseconds(300)));

        await Task.Delay(500);
        var second = await podB.TryAcquireLeaseAsync(2, "pod-b", TimeSpan.FromSeconds(5));

        Assert.NotNull(second);
        Assert.True(second > first);
        Assert.False(await podA.RenewLeaseAsync(2, "pod-a", first!.Value, TimeSpan.FromSeconds(5)));
        Assert.True(await podB.RenewLeaseAsync(2, "pod-b", second!.Value, TimeSpan.FromSeconds(5)));
    }

    [RedisFact]
    public async Task A_released_shard_is_taken_at_once_by_the_replacement_which_finds_the_session_to_resume()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var old = new RedisShardCoordinator(a.Connection);
        var replacement = new RedisShardCoordinator(b.Connection);
        await old.TryAcquireLeaseAsync(1, "pod-a", TimeSpan.FromMinutes(1));
        var session = new ShardSession("abc123", 4711, new Uri("wss://resume.example/"));
        await old.SaveSessionAsync(1, session, TimeSpan.FromMinutes(5));

        await old.ReleaseLeaseAsync(1, "pod-a");

        Assert.NotNull(await replacement.TryAcquireLeaseAsync(1, "pod-b", TimeSpan.FromMinutes(1)));
        Assert.Equal(session, await replacement.LoadSessionAsync(1));
        Assert.Null(await replacement.LoadSessionAsync(0));
    }

    [RedisFact]
    public async Task Identifies_in_one_concurrency_bucket_are_spaced_and_other_buckets_are_not_held_up()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var podA = new RedisShardCoordinator(a.Connection);
        var podB = new RedisShardCoordinator(b.Connection);
        var spacing = TimeSpan.FromMilliseconds(400);
        var clock = Stopwatch.StartNew();

        await podA.WaitToIdentifyAsync(0, maxConcurrency: 2, spacing, CancellationToken.None);
        await podB.WaitToIdentifyAsync(1, maxConcurrency: 2, spacing, CancellationToken.None);
        var otherBucket = clock.Elapsed;
        await podB.WaitToIdentifyAsync(2, maxConcurrency: 2, spacing, CancellationToken.None);
        var sameBucket = clock.Elapsed;

        Assert.True(otherBucket < spacing, $"shard 1 waited {otherBucket}");
        Assert.True(sameBucket >= spacing - TimeSpan.FromMilliseconds(20), $"shard 2 identified after {sameBucket}");
    }
}

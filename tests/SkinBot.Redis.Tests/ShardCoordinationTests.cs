using System.Diagnostics;
using SkinBot.Core.State;

namespace SkinBot.Redis.Tests;

public sealed class ShardCoordinationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
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

        var first = await podA.TryAcquireAsync(2, TimeSpan.FromSeconds(2), None);
        Assert.NotNull(first);
        Assert.Null(await podB.TryAcquireAsync(2, TimeSpan.FromSeconds(2), None));

        await Task.Delay(2500);
        var second = await podB.TryAcquireAsync(2, TimeSpan.FromSeconds(5), None);

        Assert.NotNull(second);
        Assert.True(second.FencingToken > first.FencingToken);
        Assert.False(await podA.RenewAsync(first, TimeSpan.FromSeconds(5), None));
        Assert.True(await podB.RenewAsync(second, TimeSpan.FromSeconds(5), None));
    }

    [RedisFact]
    public async Task A_holder_that_was_replaced_cannot_overwrite_the_new_holders_session()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var paused = new RedisShardCoordinator(a.Connection);
        var replacement = new RedisShardCoordinator(b.Connection);
        var stale = (await paused.TryAcquireAsync(3, TimeSpan.FromMilliseconds(200), None))!;
        await Task.Delay(400);
        var current = (await replacement.TryAcquireAsync(3, TimeSpan.FromSeconds(5), None))!;
        var fresh = new ShardSession("new-session", 10, new Uri("wss://resume.example/b"), 42);
        Assert.True(await replacement.SaveSessionAsync(current, fresh, TimeSpan.FromMinutes(1), None));

        var written = await paused.SaveSessionAsync(stale, new ShardSession("old-session", 99, new Uri("wss://resume.example/a"), 42), TimeSpan.FromMinutes(1), None);
        await paused.ForgetSessionAsync(stale, None);

        Assert.False(written);
        Assert.Equal(fresh, await replacement.LoadSessionAsync(3, None));
    }

    [RedisFact]
    public async Task A_lease_that_expired_while_nobody_else_took_the_shard_is_renewed_by_its_holder()
    {
        await using var a = new Replica(_server.Configuration);
        var pod = new RedisShardCoordinator(a.Connection);
        var lease = (await pod.TryAcquireAsync(4, TimeSpan.FromMilliseconds(100), None))!;

        await Task.Delay(300);

        Assert.True(await pod.RenewAsync(lease, TimeSpan.FromSeconds(5), None));
        await using var b = new Replica(_server.Configuration);
        Assert.Null(await new RedisShardCoordinator(b.Connection).TryAcquireAsync(4, TimeSpan.FromSeconds(5), None));
    }

    [RedisFact]
    public async Task A_released_shard_is_taken_at_once_by_the_replacement_which_finds_the_session_to_resume()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var old = new RedisShardCoordinator(a.Connection);
        var replacement = new RedisShardCoordinator(b.Connection);
        var lease = (await old.TryAcquireAsync(1, TimeSpan.FromMinutes(1), None))!;
        var session = new ShardSession("abc123", 4711, new Uri("wss://resume.example/"), 710000000000000001);
        Assert.True(await old.SaveSessionAsync(lease, session, TimeSpan.FromMinutes(5), None));

        await old.ReleaseAsync(lease, None);

        Assert.NotNull(await replacement.TryAcquireAsync(1, TimeSpan.FromMinutes(1), None));
        Assert.Equal(session, await replacement.LoadSessionAsync(1, None));
        Assert.Null(await replacement.LoadSessionAsync(0, None));
    }

    [RedisFact]
    public async Task Identifies_in_one_concurrency_bucket_are_spaced_and_other_buckets_are_not_held_up()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var podA = new RedisShardCoordinator(a.Connection);
        var podB = new RedisShardCoordinator(b.Connection);
        // Long enough that a busy 2-core CI machine (other test assemblies running beside this one) cannot stall three
        // Redis round trips past it: the checks compare waits with the spacing, so the spacing must dwarf any stall.
        var spacing = TimeSpan.FromSeconds(3);

        await podA.WaitToIdentifyAsync(0, maxConcurrency: 2, spacing, None);
        var beforeSend = Stopwatch.StartNew();
        await podA.IdentifySentAsync(0, maxConcurrency: 2, spacing, None);
        var otherBucketClock = Stopwatch.StartNew();
        await podB.WaitToIdentifyAsync(1, maxConcurrency: 2, spacing, None);
        var otherBucket = otherBucketClock.Elapsed;
        await podB.WaitToIdentifyAsync(2, maxConcurrency: 2, spacing, None);
        var sameBucket = beforeSend.Elapsed;

        Assert.True(otherBucket < spacing, $"shard 1 waited {otherBucket}");
        Assert.True(sameBucket >= spacing - TimeSpan.FromMilliseconds(20), $"shard 2 identified {sameBucket} after shard 0's IDENTIFY");
        Assert.True(sameBucket < spacing + TimeSpan.FromSeconds(3), $"a sent IDENTIFY held its bucket for {sameBucket}");
    }

    [RedisFact]
    public async Task A_slot_whose_identify_goes_out_late_is_held_until_one_spacing_after_it_went_out()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var slow = new RedisShardCoordinator(a.Connection);
        var next = new RedisShardCoordinator(b.Connection);
        var spacing = TimeSpan.FromMilliseconds(300);
        await slow.WaitToIdentifyAsync(0, maxConcurrency: 1, spacing, None);
        var clock = Stopwatch.StartNew();
        var waiting = next.WaitToIdentifyAsync(1, maxConcurrency: 1, spacing, None).AsTask();

        // The slow pod's IDENTIFY leaves well after the spacing has passed since it took the slot.
        await Task.Delay(700);
        Assert.False(waiting.IsCompleted);
        var sentAt = clock.Elapsed;
        await slow.IdentifySentAsync(0, maxConcurrency: 1, spacing, None);
        await waiting;

        Assert.True(clock.Elapsed - sentAt >= spacing - TimeSpan.FromMilliseconds(20), $"the next identify came {clock.Elapsed - sentAt} after the slow one");
    }
}

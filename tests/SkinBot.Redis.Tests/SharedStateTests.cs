using SkinBot.Core.Conversations;
using SkinBot.Core.Domain;
using SkinBot.Core.State;
using StackExchange.Redis;

namespace SkinBot.Redis.Tests;

public sealed class SharedStateTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [RedisFact]
    public async Task A_delivery_reaching_three_replicas_at_once_is_claimed_by_exactly_one()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        await using var c = new Replica(_server.Configuration);

        for (ulong id = 1; id <= 100; id++)
        {
            var key = DeliveryKey.Discord(id);
            var claims = await Task.WhenAll(
                a.Ledger.TryClaimAsync(key, CancellationToken.None).AsTask(),
                b.Ledger.TryClaimAsync(key, CancellationToken.None).AsTask(),
                c.Ledger.TryClaimAsync(key, CancellationToken.None).AsTask());

            Assert.Equal(1, claims.Count(claimed => claimed));
        }
    }

    [RedisFact]
    public async Task A_claim_key_is_prefixed_and_expires_with_the_ledger_window()
    {
        await using var replica = new Replica(_server.Configuration);
        await replica.Ledger.TryClaimAsync(DeliveryKey.Teams("act-1", "conv-1"), CancellationToken.None);

        var database = replica.Connection.TryGetDatabase()!;
        var ttl = await database.KeyTimeToLiveAsync("skinbot:delivery:teams:conv-1\nact-1");

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [RedisFact]
    public async Task A_released_claim_can_be_claimed_by_another_replica()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var key = DeliveryKey.Discord(9);
        Assert.True(await a.Ledger.TryClaimAsync(key, CancellationToken.None));

        await a.Ledger.ReleaseAsync(key, CancellationToken.None);

        Assert.True(await b.Ledger.TryClaimAsync(key, CancellationToken.None));
    }

    [RedisFact]
    public async Task A_follow_up_landing_on_another_replica_sees_the_context()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var context = new ConversationContext("treatment", "microneedling", DateTimeOffset.UtcNow);

        await a.Conversations.SetAsync("discord:c1:u1", context, CancellationToken.None);

        Assert.Equal(context, await b.Conversations.GetAsync("discord:c1:u1", CancellationToken.None));
    }

    [RedisFact]
    public async Task A_crisis_reply_remembered_on_one_replica_is_seen_by_another()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var now = DateTimeOffset.UtcNow;
        var context = new ConversationContext("greeting_help", null, now, now.AddSeconds(-5));

        await a.Conversations.SetAsync("teams:c1:u1", context, CancellationToken.None);

        Assert.Equal(context, await b.Conversations.GetAsync("teams:c1:u1", CancellationToken.None));
    }

    [RedisFact]
    public async Task A_near_miss_remembered_on_one_replica_is_seen_by_another_and_cleared_by_the_next_answer()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var now = DateTimeOffset.UtcNow;
        var nearMiss = new ConversationContext("treatment_at_home", "retinol", now, CrisisNearMissAt: now);
        var next = nearMiss with { AnsweredAt = now.AddSeconds(20), CrisisNearMissAt = null };

        await a.Conversations.SetAsync("discord:c1:u1", nearMiss, CancellationToken.None);
        Assert.Equal(nearMiss, await b.Conversations.GetAsync("discord:c1:u1", CancellationToken.None));
        await b.Conversations.SetAsync("discord:c1:u1", next, CancellationToken.None);

        Assert.Equal(next, await a.Conversations.GetAsync("discord:c1:u1", CancellationToken.None));
    }

    [RedisFact]
    public async Task Named_subjects_and_a_medical_reply_remembered_on_one_replica_are_seen_by_another_and_none_reads_back_as_none()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var now = DateTimeOffset.UtcNow;
        var named = new ConversationContext("procedure_risks", null, now, Subjects: "procedure mole", MedicalRepliedAt: now.AddSeconds(-3), MedicalTier: Urgency.Infection);
        var cleared = named with { AnsweredAt = now.AddSeconds(20), Subjects = null, MedicalRepliedAt = null, MedicalTier = Urgency.None };

        await a.Conversations.SetAsync("discord:c2:u2", named, CancellationToken.None);
        Assert.Equal(named, await b.Conversations.GetAsync("discord:c2:u2", CancellationToken.None));
        await b.Conversations.SetAsync("discord:c2:u2", cleared, CancellationToken.None);

        Assert.Equal(cleared, await a.Conversations.GetAsync("discord:c2:u2", CancellationToken.None));
    }

    [RedisFact]
    public async Task Concurrent_updates_from_two_replicas_keep_the_newest_context()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var start = DateTimeOffset.UtcNow;
        var updates = Enumerable.Range(0, 200)
            .Select(i => new ConversationContext("intent-" + i, i % 3 == 0 ? null : "topic-" + i, start.AddMilliseconds(i)))
            .OrderBy(_ => Random.Shared.Next())
            .ToList();

        var writes = await Task.WhenAll(updates.Select((update, i) =>
            (i % 2 == 0 ? a : b).Conversations.TrySetAsync("teams:conv:user", update)));

        var newest = updates.MaxBy(u => u.AnsweredAt)!;
        Assert.Equal(newest, await a.Conversations.GetAsync("teams:conv:user", CancellationToken.None));
        Assert.Contains(true, writes);
        Assert.Contains(false, writes);
    }

    [RedisFact]
    public async Task Reading_a_conversation_slides_its_expiry()
    {
        await using var replica = new Replica(_server.Configuration);
        await replica.Conversations.SetAsync("web:s:u", new ConversationContext("scar_types", null, DateTimeOffset.UtcNow), CancellationToken.None);
        var database = replica.Connection.TryGetDatabase()!;
        await database.KeyExpireAsync("skinbot:conv:web:s:u", TimeSpan.FromMinutes(1));

        await replica.Conversations.GetAsync("web:s:u", CancellationToken.None);

        var ttl = await database.KeyTimeToLiveAsync("skinbot:conv:web:s:u");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [RedisFact]
    public async Task Three_replicas_together_grant_no_more_than_one_bucket()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        await using var c = new Replica(_server.Configuration);
        Replica[] replicas = [a, b, c];

        var takes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => replicas[i % 3].Buckets.TryTakeAsync("user:discord:42", 10, CancellationToken.None).AsTask()));

        Assert.All(takes, take => Assert.NotNull(take));
        Assert.Equal(10, takes.Count(take => take!.Value.Granted));
        Assert.All(takes.Where(take => !take!.Value.Granted), take => Assert.InRange(take!.Value.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(6)));
    }

    [RedisFact]
    public async Task Separate_buckets_do_not_share_tokens()
    {
        await using var replica = new Replica(_server.Configuration);

        Assert.True((await replica.Buckets.TryTakeAsync("user:a", 1, CancellationToken.None))!.Value.Granted);
        Assert.True((await replica.Buckets.TryTakeAsync("user:b", 1, CancellationToken.None))!.Value.Granted);
        Assert.False((await replica.Buckets.TryTakeAsync("user:a", 1, CancellationToken.None))!.Value.Granted);
    }

    [RedisFact]
    public async Task Every_key_written_carries_a_ttl()
    {
        await using var replica = new Replica(_server.Configuration);
        await replica.Ledger.TryClaimAsync(DeliveryKey.Discord(1), CancellationToken.None);
        await replica.Conversations.SetAsync("k", new ConversationContext("i", null, DateTimeOffset.UtcNow), CancellationToken.None);
        await replica.Buckets.TryTakeAsync("user:x", 5, CancellationToken.None);

        var database = replica.Connection.TryGetDatabase()!;
        // KEYS is an admin command for the client; inside a script it is an ordinary call on a throwaway server.
        var keys = (RedisResult[])(await database.ScriptEvaluateAsync("return redis.call('KEYS', '*')"))!;

        Assert.Equal(3, keys.Length);
        foreach (var key in keys)
        {
            Assert.StartsWith("skinbot:", (string)key!, StringComparison.Ordinal);
            Assert.NotNull(await database.KeyTimeToLiveAsync((string)key!));
        }
    }

    [RedisFact]
    public async Task Forgetting_a_person_deletes_their_memory_in_every_conversation_on_every_replica_and_nobody_elses()
    {
        await using var a = new Replica(_server.Configuration);
        await using var b = new Replica(_server.Configuration);
        var now = DateTimeOffset.UtcNow;
        var context = new ConversationContext("scar_types", "rolling", now);
        await a.Conversations.SetAsync(ConversationKeys.For("discord", "chan-1", "user*1"), context, CancellationToken.None);
        await b.Conversations.SetAsync(ConversationKeys.For("discord", "chan-2", "user*1"), context, CancellationToken.None);
        await a.Conversations.SetAsync(ConversationKeys.For("discord", "chan-1", "user-11"), context, CancellationToken.None);
        await a.Conversations.SetAsync(ConversationKeys.For("teams", "chan-1", "user*1"), context, CancellationToken.None);

        var removed = await b.Conversations.ForgetUserAsync("discord", "user*1", CancellationToken.None);

        Assert.True(removed >= 2);
        Assert.Null(await a.Conversations.GetAsync(ConversationKeys.For("discord", "chan-1", "user*1"), CancellationToken.None));
        Assert.Null(await a.Conversations.GetAsync(ConversationKeys.For("discord", "chan-2", "user*1"), CancellationToken.None));
        // The glob character in the id matched only itself, and the same id on another platform is another person.
        Assert.NotNull(await a.Conversations.GetAsync(ConversationKeys.For("discord", "chan-1", "user-11"), CancellationToken.None));
        Assert.NotNull(await a.Conversations.GetAsync(ConversationKeys.For("teams", "chan-1", "user*1"), CancellationToken.None));
    }
}

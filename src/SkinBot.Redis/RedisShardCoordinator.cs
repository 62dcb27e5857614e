using System.Globalization;
using SkinBot.Core.State;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// Gateway shards run by several pods: a lease per shard with a fencing counter (a holder whose token is no longer
/// current must stop, and its session writes are refused), the stored session a replacement pod resumes, and the
/// IDENTIFY gate per <c>shard % max_concurrency</c> bucket, which admits one IDENTIFY per bucket per spacing.
/// </summary>
internal sealed class RedisShardCoordinator(RedisConnection redis) : IShardCoordinator
{
    // The fence outlives any lease by far (7 days, refreshed on every acquire and renew), so tokens only grow while
    // anyone runs the shard; every key still expires. KEYS: lease, fence; ARGV: owner, ttl ms.
    // Returns the new fencing token, or 0 when another owner holds the lease.
    private const string Acquire = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        local token = redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], 604800000)
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return token
        """;

    // KEYS: lease, fence; ARGV: owner, token, ttl ms. 1 while the caller's token is still current. A lease that expired
    // (Redis was away longer than its TTL) but that nobody else took is taken back: the unchanged fence proves it. A
    // Redis that came back empty (restarted without persistence) has neither key: the holder takes both back rather
    // than dropping every shard at once; anyone who acquired first holds the lease, and the holder check refuses.
    private const string Renew = """
        local fence = redis.call('GET', KEYS[2])
        if fence and fence ~= ARGV[2] then return 0 end
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
        redis.call('SET', KEYS[2], ARGV[2], 'PX', 604800000)
        return 1
        """;

    // KEYS: lease; ARGV: owner. Deletes the lease only if the caller holds it.
    private const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    // KEYS: session, fence; ARGV: token, session id, sequence, resume URL, bot user id, ttl ms.
    private const string Save = """
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'id', ARGV[2], 'seq', ARGV[3], 'url', ARGV[4], 'user', ARGV[5])
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        return 1
        """;

    // KEYS: session, fence; ARGV: token.
    private const string Forget = """
        if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
        return redis.call('DEL', KEYS[1])
        """;

    /// <summary>How long a taken IDENTIFY slot stays taken beyond the spacing while its IDENTIFY has not gone out yet.</summary>
    private static readonly TimeSpan IdentifyInFlightHold = TimeSpan.FromSeconds(10);

    /// <summary>How often a waiter looks again: a slot's hold shrinks to the spacing as soon as its IDENTIFY is sent.</summary>
    private static readonly TimeSpan IdentifyPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Who holds a lease: unique per process, readable in <c>redis-cli</c> when someone asks which pod runs a shard.</summary>
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public bool SessionOutlivesProcess => true;

    private IDatabase Database => redis.TryGetDatabase() ?? throw new InvalidOperationException("Redis is unreachable; shard coordination needs it.");

    public async ValueTask<ShardLease?> TryAcquireAsync(int shardId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var token = (long)await Database.ScriptEvaluateAsync(Acquire, [redis.Keys.ShardLease(shardId), redis.Keys.ShardFence(shardId)], [_owner, Milliseconds(ttl)]);
        return token == 0 ? null : new ShardLease(shardId, token);
    }

    public async ValueTask<bool> RenewAsync(ShardLease lease, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var renewed = await Database.ScriptEvaluateAsync(
            Renew, [redis.Keys.ShardLease(lease.ShardId), redis.Keys.ShardFence(lease.ShardId)], [_owner, lease.FencingToken, Milliseconds(ttl)]);
        return (long)renewed == 1;
    }

    public async ValueTask ReleaseAsync(ShardLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await Database.ScriptEvaluateAsync(Release, [redis.Keys.ShardLease(lease.ShardId)], [_owner]);
    }

    public async ValueTask<ShardSession?> LoadSessionAsync(int shardId, CancellationToken cancellationToken)
    {
        var values = await Database.HashGetAsync(redis.Keys.ShardSession(shardId), ["id", "seq", "url", "user"]);
        if (values.Any(value => value.IsNull)
            || !long.TryParse((string)values[1]!, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || !Uri.TryCreate((string)values[2]!, UriKind.Absolute, out var url)
            || !ulong.TryParse((string)values[3]!, NumberStyles.None, CultureInfo.InvariantCulture, out var botUserId))
        {
            return null;
        }

        return new ShardSession((string)values[0]!, sequence, url, botUserId);
    }

    public async ValueTask<bool> SaveSessionAsync(ShardLease lease, ShardSession session, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(session);
        var saved = await Database.ScriptEvaluateAsync(
            Save,
            [redis.Keys.ShardSession(lease.ShardId), redis.Keys.ShardFence(lease.ShardId)],
            [lease.FencingToken, session.SessionId, session.Sequence, session.ResumeUrl.AbsoluteUri, session.BotUserId, Milliseconds(ttl)]);
        return (long)saved == 1;
    }

    public async ValueTask ForgetSessionAsync(ShardLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await Database.ScriptEvaluateAsync(Forget, [redis.Keys.ShardSession(lease.ShardId), redis.Keys.ShardFence(lease.ShardId)], [lease.FencingToken]);
    }

    public async ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        if (spacing <= TimeSpan.Zero)
        {
            return;
        }

        // Held well past the spacing until IdentifySentAsync sets it to one spacing from the send: on a busy machine the
        // send can come long after the slot was taken, and the next pod must not slip in between. A pod that dies
        // holding it costs the bucket one hold, not the bot.
        var key = redis.Keys.IdentifyBucket(shardId % maxConcurrency);
        while (!await Database.StringSetAsync(key, shardId, spacing + IdentifyInFlightHold, When.NotExists))
        {
            var left = await Database.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero;
            await Task.Delay(left > IdentifyPoll ? IdentifyPoll : left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    public async ValueTask IdentifySentAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        if (spacing > TimeSpan.Zero)
        {
            await Database.StringSetAsync(redis.Keys.IdentifyBucket(shardId % maxConcurrency), shardId, spacing);
        }
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);
}

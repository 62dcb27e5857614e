using System.Globalization;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// The Redis side of running gateway shards on several pods: the stored session per shard (so a replacement pod
/// resumes), a lease per shard with a fencing counter (so two pods never run one shard: a holder whose token is no
/// longer current must stop), and the IDENTIFY gate per <c>shard % max_concurrency</c> bucket, which admits one
/// IDENTIFY per bucket per spacing as Discord requires. Not yet wired into the gateway connection.
/// </summary>
internal sealed class RedisShardCoordinator(RedisConnection redis)
{
    // The fence outlives any lease by far (7 days, refreshed on every acquire and renew), so tokens only grow while
    // anyone runs the shard; every key still expires. KEYS: lease, fence; ARGV: owner, ttl ms. Returns the new fencing token, or 0 when another owner holds the lease.
    private const string Acquire = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        local token = redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], 604800000)
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return token
        """;

    // KEYS: lease, fence; ARGV: owner, token, ttl ms. 1 while the caller still holds the lease with the current token.
    private const string Renew = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] or redis.call('GET', KEYS[2]) ~= ARGV[2] then return 0 end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], 604800000)
        return 1
        """;

    // KEYS: lease; ARGV: owner. Deletes the lease only if the caller holds it.
    private const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private IDatabase Database => redis.TryGetDatabase() ?? throw new InvalidOperationException("Redis is unreachable; shard coordination needs it.");

    /// <summary>A fencing token (greater than every earlier one for this shard), or null when another pod holds it.</summary>
    public async Task<long?> TryAcquireLeaseAsync(int shard, string owner, TimeSpan ttl)
    {
        var token = (long)await Database.ScriptEvaluateAsync(Acquire, [redis.Keys.ShardLease(shard), redis.Keys.ShardFence(shard)], [owner, (long)ttl.TotalMilliseconds]);
        return token == 0 ? null : token;
    }

    /// <summary>False means the lease was lost (expired and taken): the caller must stop running the shard.</summary>
    public async Task<bool> RenewLeaseAsync(int shard, string owner, long token, TimeSpan ttl) =>
        (long)await Database.ScriptEvaluateAsync(Renew, [redis.Keys.ShardLease(shard), redis.Keys.ShardFence(shard)], [owner, token, (long)ttl.TotalMilliseconds]) == 1;

    public async Task ReleaseLeaseAsync(int shard, string owner) =>
        await Database.ScriptEvaluateAsync(Release, [redis.Keys.ShardLease(shard)], [owner]);

    public async Task SaveSessionAsync(int shard, ShardSession session, TimeSpan ttl)
    {
        var key = redis.Keys.ShardSession(shard);
        var batch = Database.CreateTransaction();
        _ = batch.HashSetAsync(key, [new("id", session.SessionId), new("seq", session.Sequence), new("url", session.ResumeUrl.AbsoluteUri)]);
        _ = batch.KeyExpireAsync(key, ttl);
        await batch.ExecuteAsync();
    }

    public async Task<ShardSession?> LoadSessionAsync(int shard)
    {
        var values = await Database.HashGetAsync(redis.Keys.ShardSession(shard), ["id", "seq", "url"]);
        if (values[0].IsNull || values[1].IsNull || values[2].IsNull)
        {
            return null;
        }

        return new ShardSession((string)values[0]!, long.Parse((string)values[1]!, CultureInfo.InvariantCulture), new Uri((string)values[2]!));
    }

    public async Task ForgetSessionAsync(int shard) => await Database.KeyDeleteAsync(redis.Keys.ShardSession(shard));

    /// <summary>Waits until this shard's IDENTIFY bucket is free, then holds it for <paramref name="spacing"/>.</summary>
    public async Task WaitToIdentifyAsync(int shard, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var key = redis.Keys.IdentifyBucket(shard % maxConcurrency);
        while (!await Database.StringSetAsync(key, shard, spacing, When.NotExists))
        {
            var left = await Database.KeyTimeToLiveAsync(key) ?? TimeSpan.FromMilliseconds(10);
            await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }
}

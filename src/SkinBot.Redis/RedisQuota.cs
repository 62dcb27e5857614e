using Microsoft.Extensions.Logging;
using SkinBot.Core.State;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// Announced limits shared by every replica: one hash per bucket holding the requests left, expiring at the reset, so
/// a missing key is an open (unknown or reset) bucket. Null answers mean Redis is unreachable.
/// </summary>
internal sealed class RedisQuota(RedisConnection redis, ILogger<RedisQuota> logger) : ISharedQuota
{
    // KEYS[1] bucket. Returns 0 when a request was taken, else the milliseconds until the reset.
    private const string Take = """
        local left = tonumber(redis.call('HGET', KEYS[1], 'left'))
        if not left then return 0 end
        if left > 0 then
          redis.call('HINCRBY', KEYS[1], 'left', -1)
          return 0
        end
        return math.max(1, redis.call('PTTL', KEYS[1]))
        """;

    // KEYS[1] bucket; ARGV: remaining, reset after ms. A count for the same window (the reset no later than the one
    // stored, give or take a second of answers arriving late) only ever lowers the stored one; a later reset starts a
    // new window. A window that ended has no key left, so a new one usually finds nothing to compare with.
    private const string Set = """
        local remaining = tonumber(ARGV[1])
        local reset = tonumber(ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        local left = tonumber(redis.call('HGET', KEYS[1], 'left'))
        if left and ttl > 0 and reset <= ttl + 1000 then
          remaining = math.min(left, remaining)
          reset = ttl
        end
        redis.call('HSET', KEYS[1], 'left', remaining)
        redis.call('PEXPIRE', KEYS[1], math.max(1, reset))
        return remaining
        """;

    public async ValueTask<TimeSpan?> TryTakeAsync(string bucket, CancellationToken cancellationToken)
    {
        if (redis.TryGetDatabase() is not { } database)
        {
            return null;
        }

        try
        {
            var wait = (long)await database.ScriptEvaluateAsync(Take, [redis.Keys.Quota(bucket)]);
            return TimeSpan.FromMilliseconds(wait);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "REST quota");
            return null;
        }
    }

    public async ValueTask SetAsync(string bucket, int remaining, TimeSpan resetAfter, CancellationToken cancellationToken)
    {
        if (redis.TryGetDatabase() is not { } database)
        {
            return;
        }

        try
        {
            await database.ScriptEvaluateAsync(Set, [redis.Keys.Quota(bucket)], [Math.Max(0, remaining), (long)Math.Ceiling(resetAfter.TotalMilliseconds)]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "REST quota");
        }
    }
}

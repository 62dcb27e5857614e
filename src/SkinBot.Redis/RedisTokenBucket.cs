using System.Globalization;
using Microsoft.Extensions.Logging;
using SkinBot.Core.State;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// A token bucket every replica draws from: refill and take happen in one Lua script on Redis' own clock, so N
/// replicas together grant no more than one bucket's worth. Null from a take means Redis is
/// unreachable and the caller uses its local bucket.
/// </summary>
internal sealed class RedisTokenBucket(RedisConnection redis, ILogger<RedisTokenBucket> logger) : ISharedRateLimiter
{
    // KEYS[1] bucket; ARGV: capacity, tokens per second. Returns {granted 0/1, milliseconds until the next token}.
    private const string Take = """
        local capacity = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
        local granted = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          granted = 1
        else
          wait = math.ceil((1 - tokens) * 1000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
        return {granted, wait}
        """;

    public ValueTask<SharedTake?> TryTakeAsync(string bucket, int permitsPerMinute, CancellationToken cancellationToken) =>
        TryTakeAsync(bucket, permitsPerMinute, permitsPerMinute / 60.0, cancellationToken);

    public async ValueTask<SharedTake?> TryTakeAsync(string bucket, int capacity, double tokensPerSecond, CancellationToken cancellationToken)
    {
        if (redis.TryGetDatabase() is not { } database)
        {
            return null;
        }

        try
        {
            var result = (RedisResult[]?)await database.ScriptEvaluateAsync(
                Take,
                [redis.Keys.RateBucket(bucket)],
                [capacity, tokensPerSecond.ToString("R", CultureInfo.InvariantCulture)]);
            return new SharedTake((int)result![0] == 1, TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "rate limit");
            return null;
        }
    }
}

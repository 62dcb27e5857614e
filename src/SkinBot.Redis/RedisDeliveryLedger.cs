using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// "Already answered" shared by every replica: the first <c>SET key NX EX</c> wins. While Redis is unreachable the
/// in-memory ledger answers, so a duplicate across replicas is possible then, a lost answer is not.
/// </summary>
internal sealed class RedisDeliveryLedger(
    RedisConnection redis,
    InMemoryDeliveryLedger local,
    IOptions<DeliveryLedgerOptions> options,
    ILogger<RedisDeliveryLedger> logger) : IDeliveryLedger
{
    public async ValueTask<bool> TryClaimAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        // Claimed locally too, so a replica that falls back mid-outage still knows what it answered itself.
        var claimedHere = local.TryClaim(key);
        if (redis.TryGetDatabase() is not { } database)
        {
            return claimedHere;
        }

        try
        {
            return await database.StringSetAsync(redis.Keys.Delivery(key), 1, options.Value.Window, When.NotExists);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "delivery claim");
            return claimedHere;
        }
    }

    public async ValueTask ReleaseAsync(DeliveryKey key, CancellationToken cancellationToken)
    {
        local.Release(key);
        if (redis.TryGetDatabase() is not { } database)
        {
            return;
        }

        try
        {
            await database.KeyDeleteAsync(redis.Keys.Delivery(key));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "delivery release");
        }
    }
}

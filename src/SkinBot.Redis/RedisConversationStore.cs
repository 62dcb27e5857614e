using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Conversations;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// Follow-up memory shared by every replica, so "and rolling?" works when it lands on another pod. Each entry is a
/// hash (intent, topic, answered-at ticks, crisis-replied-at ticks or empty, near-miss ticks or empty, carried subjects' names or empty, medical reply ticks or empty, its tier or empty) whose TTL slides on every read and write. Writes are compare-and-set on
/// answered-at inside one Lua script: a replica that answered earlier but writes later cannot overwrite the newer
/// context of another replica.
/// </summary>
internal sealed class RedisConversationStore(
    RedisConnection redis,
    InMemoryConversationStore local,
    IOptions<EngineOptions> engine,
    ILogger<RedisConversationStore> logger) : IConversationStore
{
    // KEYS[1] entry; ARGV: ticks, intent, topic ("" = none), ttl ms, crisis ticks ("" = none), near-miss ticks ("" = none),
    // subjects ("" = none), medical reply ticks ("" = none), medical tier name ("" = none).
    // Returns 1 when written, 0 when a newer entry won.
    private const string SetIfNewer = """
        local current = redis.call('HGET', KEYS[1], 'at')
        if current and tonumber(current) > tonumber(ARGV[1]) then
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
          return 0
        end
        redis.call('HSET', KEYS[1], 'at', ARGV[1], 'intent', ARGV[2], 'topic', ARGV[3], 'crisis', ARGV[5], 'nearmiss', ARGV[6], 'subject', ARGV[7], 'medical', ARGV[8], 'medicaltier', ARGV[9])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    // KEYS[1] entry; ARGV[1] ttl ms. Reads and slides the TTL in one step.
    private const string GetAndTouch = """
        local values = redis.call('HMGET', KEYS[1], 'at', 'intent', 'topic', 'crisis', 'nearmiss', 'subject', 'medical', 'medicaltier')
        if values[1] then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return values
        """;

    private long TtlMilliseconds => (long)engine.Value.FollowUpWindow.TotalMilliseconds;

    public async ValueTask<ConversationContext?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (redis.TryGetDatabase() is not { } database)
        {
            return await local.GetAsync(key, cancellationToken);
        }

        try
        {
            var result = (RedisResult[]?)await database.ScriptEvaluateAsync(GetAndTouch, [redis.Keys.Conversation(key)], [TtlMilliseconds]);
            if (result is null || result[0].IsNull)
            {
                return null;
            }

            var topic = (string?)result[2];
            var crisis = result.Length > 3 ? (string?)result[3] : null;
            var nearMiss = result.Length > 4 ? (string?)result[4] : null;
            var subjects = result.Length > 5 ? (string?)result[5] : null;
            var medical = result.Length > 6 ? (string?)result[6] : null;
            var medicalTier = result.Length > 7 ? (string?)result[7] : null;
            return new ConversationContext(
                (string)result[1]!,
                string.IsNullOrEmpty(topic) ? null : topic,
                FromTicks((string)result[0]!),
                string.IsNullOrEmpty(crisis) ? null : FromTicks(crisis),
                string.IsNullOrEmpty(nearMiss) ? null : FromTicks(nearMiss),
                string.IsNullOrEmpty(subjects) ? null : subjects,
                string.IsNullOrEmpty(medical) ? null : FromTicks(medical),
                UrgencyNames.Parse(medicalTier) ?? Urgency.None);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "conversation read");
            return await local.GetAsync(key, cancellationToken);
        }
    }

    public async ValueTask SetAsync(string key, ConversationContext context, CancellationToken cancellationToken)
    {
        // Kept locally as well, so a Redis outage mid-conversation still remembers what this replica answered.
        await local.SetAsync(key, context, cancellationToken);
        _ = await TrySetAsync(key, context);
    }

    /// <summary>
    /// Deletes the person's follow-up memory in every conversation on this platform, in Redis and locally. Keys are found
    /// with SCAN (never KEYS, which blocks Redis) on every primary; glob characters in ids are escaped.
    /// </summary>
    public async ValueTask<int> ForgetUserAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        var removed = await local.ForgetUserAsync(platform, userId, cancellationToken);
        if (redis.TryGetDatabase() is not { } database)
        {
            return removed;
        }

        try
        {
            var pattern = redis.Keys.Conversation(string.Concat(GlobEscape(platform), ":*:", GlobEscape(userId)));
            foreach (var server in redis.PrimaryServers())
            {
                await foreach (var key in server.KeysAsync(database.Database, pattern, pageSize: 500).WithCancellation(cancellationToken))
                {
                    if (await database.KeyDeleteAsync(key))
                    {
                        removed++;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "conversation forget");
        }

        return removed;
    }

    private static string Ticks(DateTimeOffset? at) => at is { } value ? value.UtcTicks.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static DateTimeOffset FromTicks(string ticks) => new(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);

    private static string GlobEscape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("?", "\\?", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    /// <summary>True when this context was stored; false when a newer one was already there (or Redis is down).</summary>
    internal async Task<bool> TrySetAsync(string key, ConversationContext context)
    {
        if (redis.TryGetDatabase() is not { } database)
        {
            return false;
        }

        try
        {
            var written = await database.ScriptEvaluateAsync(
                SetIfNewer,
                [redis.Keys.Conversation(key)],
                [context.AnsweredAt.UtcTicks, context.Intent, context.Topic ?? string.Empty, TtlMilliseconds, Ticks(context.CrisisRepliedAt), Ticks(context.CrisisNearMissAt), context.Subjects ?? string.Empty, Ticks(context.MedicalRepliedAt), context.MedicalTier == Urgency.None ? string.Empty : context.MedicalTier.ToName()]);
            return (int)written == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.MarkDown(ex.GetType().Name);
            RedisLog.FellBack(logger, ex, "conversation write");
            return false;
        }
    }
}

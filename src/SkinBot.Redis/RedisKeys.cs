using SkinBot.Core.State;

namespace SkinBot.Redis;

/// <summary>Every key SkinBot writes, in one place, so the README's key table and the code cannot drift apart.</summary>
internal sealed class RedisKeys(string prefix)
{
    public string Delivery(DeliveryKey key) => string.Concat(prefix, "delivery:", key.Platform, ":", key.Id);

    public string Conversation(string conversationKey) => string.Concat(prefix, "conv:", conversationKey);

    public string RateBucket(string bucket) => string.Concat(prefix, "rate:", bucket);

    public string Quota(string bucket) => string.Concat(prefix, "quota:", bucket);

    public string ShardSession(int shard) => string.Concat(prefix, "gateway:session:", shard.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string ShardLease(int shard) => string.Concat(prefix, "gateway:lease:", shard.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string ShardFence(int shard) => string.Concat(prefix, "gateway:fence:", shard.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string IdentifyBucket(int bucket) => string.Concat(prefix, "gateway:identify:", bucket.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

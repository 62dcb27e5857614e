using System.Text.Json.Serialization;

namespace SkinBot.Discord.Gateway;

/// <summary>Payloads SkinBot sends on the gateway.</summary>
internal static class GatewayPayloads
{
    public static object Heartbeat(long? sequence) => new Envelope<long?>(GatewayOpcode.Heartbeat, sequence);

    public static object Identify(string token, int shardId, int shardCount) => new Envelope<IdentifyData>(GatewayOpcode.Identify, new IdentifyData(
        token,
        GatewayIntents.SkinBot,
        new IdentifyProperties("linux", "skinbot", "skinbot"),
        [shardId, shardCount]));

    public static object Resume(string token, string sessionId, long? sequence) =>
        new Envelope<ResumeData>(GatewayOpcode.Resume, new ResumeData(token, sessionId, sequence));

    // A heartbeat before the first dispatch carries "d": null, which must be sent, not omitted.
    private sealed record Envelope<T>(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] T D);

    private sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, int[] Shard);

    private sealed record IdentifyProperties(string Os, string Browser, string Device);

    private sealed record ResumeData(string Token, string SessionId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seq);
}

namespace SkinBot.Core.State;

/// <summary>
/// One delivery a platform may send more than once: a Discord message or interaction id, or a Teams activity id
/// within its conversation. Two deliveries with the same key are the same event and are answered once.
/// </summary>
/// <param name="Platform">Where it came from, e.g. "discord" or "teams"; keeps ids of different platforms apart.</param>
/// <param name="Id">The platform's id for the event, unique within <paramref name="Platform"/>.</param>
public readonly record struct DeliveryKey(string Platform, string Id)
{
    public static DeliveryKey Discord(ulong id) =>
        new("discord", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Teams activity ids are unique only within their conversation.</summary>
    public static DeliveryKey Teams(string activityId, string conversationId) =>
        new("teams", string.Concat(conversationId, "\n", activityId));

    public override string ToString() => string.Concat(Platform, ":", Id);
}

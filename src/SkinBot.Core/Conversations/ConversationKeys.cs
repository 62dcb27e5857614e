namespace SkinBot.Core.Conversations;

/// <summary>The one shape of a follow-up memory key, so storing and forgetting agree on it.</summary>
public static class ConversationKeys
{
    public static string For(string platform, string conversationId, string userId) => $"{platform}:{conversationId}:{userId}";

    /// <summary>Whether <paramref name="key"/> belongs to this person on this platform, whatever the conversation.</summary>
    public static bool BelongsTo(string key, string platform, string userId) =>
        key.StartsWith(platform + ":", StringComparison.Ordinal) && key.EndsWith(":" + userId, StringComparison.Ordinal);
}

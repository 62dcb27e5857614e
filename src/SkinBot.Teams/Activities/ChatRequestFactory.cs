using System.Text.Json;
using SkinBot.Core.Chat;

namespace SkinBot.Teams.Activities;

/// <summary>Translates a Teams activity into the platform-neutral <see cref="ChatRequest"/>.</summary>
internal static class ChatRequestFactory
{
    /// <summary>
    /// The question of a message activity: the button's question for an Action.Submit follow-up,
    /// otherwise the typed text without the bot's mention (blank for a bare mention, which the turn reads as help).
    /// </summary>
    public static ChatRequest FromMessage(Activity activity)
    {
        var question = ActivityText.ReadQuestion(activity.Value);
        if (string.IsNullOrWhiteSpace(question))
        {
            question = ActivityText.CleanMessageText(activity);
        }

        return ForText(activity, question);
    }

    /// <summary>Text as typed: the turn reads any typed command in it (scar boxcar, /scar boxcar, prevent, help...).</summary>
    public static ChatRequest ForText(Activity activity, string text) =>
        new(Platforms.Teams, activity.Conversation?.Id ?? string.Empty, UserId(activity), text) { ChannelId = ChannelId(activity) };

    public static ChatRequest ForCommand(Activity activity, ChatCommand command) =>
        new(Platforms.Teams, activity.Conversation?.Id ?? string.Empty, UserId(activity), string.Empty)
        {
            Command = command,
            ChannelId = ChannelId(activity),
        };

    /// <summary>The Entra object id is stable across chats; the Teams user id is the fallback.</summary>
    internal static string UserId(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id ?? string.Empty;

    /// <summary>The channel (team channel id, or the chat's conversation id without its thread suffix).</summary>
    private static string? ChannelId(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        var conversationId = activity.Conversation?.Id;
        var thread = conversationId?.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase) ?? -1;
        return thread > 0 ? conversationId![..thread] : conversationId;
    }
}

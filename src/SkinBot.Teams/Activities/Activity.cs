using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkinBot.Teams.Activities;

/// <summary>The fields of an inbound Bot Framework activity that SkinBot reads. Everything else is ignored.</summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? ReplyToId { get; init; }

    public JsonElement? Value { get; init; }

    public JsonElement? ChannelData { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
}

internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}

internal sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ConversationType { get; init; }

    public bool? IsGroup { get; init; }

    public string? TenantId { get; init; }
}

/// <summary>An activity entity; SkinBot only reads mentions.</summary>
internal sealed record Entity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
}

internal static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string ComposeExtensionQuery = "composeExtension/query";
}

/// <summary>One set of serializer settings for every payload in and out of the adapter.</summary>
internal static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
    };
}

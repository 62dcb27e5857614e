using System.Text.Json.Nodes;
using SkinBot.Teams.Activities;

namespace SkinBot.Teams.Connector;

/// <summary>An activity SkinBot posts to the connector service. No entities: SkinBot never mentions anyone.</summary>
internal sealed record OutgoingActivity
{
    public required string Type { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    /// <summary>Shown in notifications and the chat list instead of the card.</summary>
    public string? Summary { get; init; }

    public string? Locale { get; init; }

    public IReadOnlyList<OutgoingAttachment>? Attachments { get; init; }
}

internal sealed record OutgoingAttachment(string ContentType, JsonNode Content);

/// <summary>Names the kind of an outbound activity in metrics and logs.</summary>
internal static class SendKinds
{
    public const string Reply = "reply";
    public const string Welcome = "welcome";
    public const string Typing = "typing";
    public const string Apology = "apology";
}

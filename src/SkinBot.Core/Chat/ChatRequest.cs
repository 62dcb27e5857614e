namespace SkinBot.Core.Chat;

/// <summary>
/// One question from one person, already translated out of its platform's wire format.
/// The engine never sees gateway frames or activities: adapters build this at the edge.
/// </summary>
/// <param name="Platform">Where the request came from; one of <see cref="Platforms"/>.</param>
/// <param name="ConversationId">Scope of follow-up memory: a DM, a channel thread, a web chat session.</param>
/// <param name="UserId">Platform user id; used for per-user limits and follow-up memory, never echoed.</param>
/// <param name="Text">What the person typed, with the bot's own mention already removed.</param>
public sealed record ChatRequest(string Platform, string ConversationId, string UserId, string Text)
{
    /// <summary>A structured command (slash command, button, typed command) when the platform gave one.</summary>
    public ChatCommand? Command { get; init; }

    /// <summary>Channel (or chat) the message was posted in, for per-channel limits. Null for the CLI.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Ties together the log lines and traces of one message across adapter, engine and send.</summary>
    public string CorrelationId { get; init; } = Guid.NewGuid().ToString("N");
}

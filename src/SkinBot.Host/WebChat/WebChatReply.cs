using System.Text.Json.Serialization;
using SkinBot.Core.Answers;

namespace SkinBot.Host.WebChat;

/// <summary>The answer document as <c>POST /api/chat</c> sends it: the same fields, plus what the page sends back.</summary>
internal sealed record WebChatReply : AnswerDocument
{
    public WebChatReply(AnswerDocument document, WebConversationId conversation, string? answerId)
        : base(document)
    {
        ConversationId = conversation.Value;
        AnswerId = answerId;
    }

    /// <summary>Sent with the page's next message, so the conversation carries on. After the document's own fields.</summary>
    [JsonPropertyOrder(1)]
    public string ConversationId { get; }

    /// <summary>What the page's vote buttons send to <c>POST /api/feedback</c>; only on an answer that can be voted on.</summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AnswerId { get; }
}

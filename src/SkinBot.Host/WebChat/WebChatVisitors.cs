namespace SkinBot.Host.WebChat;

/// <summary>Who is asking (the client, for the limits) and in which conversation (issued here, for follow-up memory).</summary>
internal sealed class WebChatVisitors(ClientAddress addresses, WebChatSecret secret)
{
    public WebChatVisitor Identify(HttpContext context, string? claimedConversationId)
    {
        var client = WebClientId.For(addresses.Resolve(context), secret);
        return WebConversationId.TryRedeem(claimedConversationId, client, secret) is { } conversation
            ? new WebChatVisitor(client, conversation, IsNewConversation: false)
            : new WebChatVisitor(client, WebConversationId.Issue(client, secret), IsNewConversation: true);
    }
}

/// <param name="IsNewConversation">True when the request brought no id this client was issued: it starts afresh.</param>
internal readonly record struct WebChatVisitor(WebClientId Client, WebConversationId Conversation, bool IsNewConversation);

namespace SkinBot.Host.WebChat;

/// <summary>Body of <c>POST /api/chat</c>.</summary>
/// <param name="Text">What the person typed: a question or a typed command such as <c>/scar boxcar</c>.</param>
/// <param name="ConversationId">Chosen by the page, one per browser tab; scopes follow-up memory and the per-user limit.</param>
public sealed record WebChatRequest(string? Text, string? ConversationId);

/// <summary>Body of every 4xx/5xx answer of <c>POST /api/chat</c>.</summary>
public sealed record WebChatError(string Error);

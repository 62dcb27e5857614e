namespace SkinBot.Host.WebChat;

/// <summary>Body of <c>POST /api/chat</c>.</summary>
/// <param name="Text">What the person typed: a question or a typed command such as <c>/scar boxcar</c>.</param>
/// <param name="ConversationId">
/// The id the previous reply returned, to carry on that conversation's follow-up memory; absent (or not one this host issued
/// to this client) on a first turn, which starts a new conversation.
/// </param>
public sealed record WebChatRequest(string? Text, string? ConversationId);

/// <summary>Body of every 4xx/5xx answer of <c>POST /api/chat</c>.</summary>
public sealed record WebChatError(string Error);

/// <summary>Body of a 429 from <c>POST /api/chat</c>: the notice to show, and the <c>Retry-After</c> in seconds.</summary>
public sealed record WebChatRateLimited(string Error, int RetryAfterSeconds);

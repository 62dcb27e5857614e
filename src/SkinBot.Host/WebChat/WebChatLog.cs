namespace SkinBot.Host.WebChat;

/// <summary>The web chat's log lines: why a request was refused or failed, with its correlation id, never the question.</summary>
internal static partial class WebChatLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat request refused: {Reason}")]
    public static partial void RequestRefused(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Web chat could not answer message {CorrelationId}")]
    public static partial void AnswerFailed(this ILogger logger, Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web chat page (wwwroot/index.html) was not found; / will answer 404. POST {Path} still works.")]
    public static partial void PageMissing(this ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared state is configured but WebChat:SigningKey is not: each replica signs web chat ids with its own key, so a follow-up that lands on another replica starts a new conversation. Give every replica the same key.")]
    public static partial void SigningKeyNotShared(this ILogger logger);
}

using System.Buffers;
using System.Text.Json;

namespace SkinBot.Host.WebChat;

/// <summary>Turns the raw body of <c>POST /api/chat</c> into a request, or into the message of a 400.</summary>
internal static class WebChatRequestValidator
{
    public const int MaxConversationIdLength = 128;

    private static readonly SearchValues<char> ConversationIdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    // A key given twice is ambiguous (which "text" did the person mean, which did a proxy check?): a 400, not last-wins.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowDuplicateProperties = false };

    /// <summary>Bytes a body may take for a message of <paramref name="maxMessageLength"/> characters, each JSON-escaped as \uXXXX.</summary>
    public static int MaxBodyBytes(int maxMessageLength) => (maxMessageLength * 6) + MaxConversationIdLength + 1024;

    /// <summary>The shape of the body only: how long its text may be is the turn's limits' to say, like on every other door.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out WebChatRequest request, out string error)
    {
        request = new WebChatRequest(null, null);
        WebChatRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<WebChatRequest>(body, Json);
        }
        catch (JsonException)
        {
            // The parser's message quotes the input; the person's text must not come back in an error or a log.
            error = "The body must be a JSON object like {\"text\": \"what are boxcar scars?\", \"conversationId\": \"...\"}.";
            return false;
        }

        if (parsed is null)
        {
            error = "The body must be a JSON object, not null.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(parsed.Text))
        {
            error = "\"text\" is required and must not be empty.";
            return false;
        }

        // No id is a first turn: the reply brings a new one.
        if (string.IsNullOrEmpty(parsed.ConversationId))
        {
            request = parsed with { ConversationId = null };
            error = string.Empty;
            return true;
        }

        if (parsed.ConversationId.Length > MaxConversationIdLength || parsed.ConversationId.AsSpan().ContainsAnyExcept(ConversationIdChars))
        {
            error = $"\"conversationId\" must be 1 to {MaxConversationIdLength} characters of letters, digits, '-', '_', '.' or ':'.";
            return false;
        }

        request = parsed;
        error = string.Empty;
        return true;
    }
}

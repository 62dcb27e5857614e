using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Safety;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;

namespace SkinBot.Host.WebChat;

/// <summary>
/// <c>POST /api/chat</c>: the web chat's door into the engine. Decodes JSON ({"text", "conversationId"}), runs the turn,
/// and renders its result: <see cref="AnswerJson"/> plus the conversation id to send next time, or a refusal as a 4xx with
/// <c>{"error": "..."}</c> (a rate limit a 429 with <c>Retry-After</c>, for every refused message).
/// </summary>
internal static class ChatApiEndpoint
{
    public const string Path = "/api/chat";

    /// <summary>
    /// The web chat is one channel: its per-channel limit caps the whole page. Each client (address) is one user, so one
    /// client's flood meets its own limit first, whatever conversation ids it sends.
    /// </summary>
    public const string ChannelId = "web";

    public const string CorrelationHeader = "X-Correlation-Id";

    private const string LogCategory = "SkinBot.Host.WebChat";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task HandleAsync(
        HttpContext context,
        ITurnRunner turns,
        WebChatVisitors visitors,
        IOptions<LimitsOptions> limits,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(LogCategory);
        using var activity = SkinBotTelemetry.ActivitySource.StartActivity("skinbot.web.chat");
        var cancellationToken = context.RequestAborted;

        // A JSON content type forces a CORS preflight, so another web site cannot post questions from a visitor's browser.
        if (!context.Request.HasJsonContentType())
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).");
            return;
        }

        var maxLength = limits.Value.MaxMessageLength;
        var maxBytes = WebChatRequestValidator.MaxBodyBytes(maxLength);
        var body = context.Request.ContentLength > maxBytes ? null : await ReadBoundedAsync(context.Request.BodyReader, maxBytes, cancellationToken);
        if (body is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"The body is too large; \"text\" may be at most {maxLength} characters.");
            return;
        }

        if (!WebChatRequestValidator.TryParse(body, out var input, out var error))
        {
            logger.RequestRefused(error);
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, error);
            return;
        }

        var text = input.Text!.Trim();
        var visitor = visitors.Identify(context, input.ConversationId);
        var request = new ChatRequest(Platforms.Web, visitor.Conversation.Value, visitor.Client.Value, text) { ChannelId = ChannelId };
        activity?.SetTag("skinbot.correlation_id", request.CorrelationId);
        context.Response.Headers[CorrelationHeader] = request.CorrelationId;

        TurnResult result;
        try
        {
            result = await turns.RunAsync(request, TurnOptions.None, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Last-chance handler: the person gets a polite error, the operator gets the correlation id and the exception.
            logger.AnswerFailed(exception, request.CorrelationId);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "SkinBot could not answer that just now. Please try again in a moment. " + SafetyNet.Text);
            return;
        }

        using (SkinBotTelemetry.ActivitySource.StartActivity("skinbot.web.send"))
        {
            switch (result)
            {
                case TurnResult.RateLimited refusal:
                    context.Response.Headers.RetryAfter = RateLimitRefusal.RetryAfterSeconds(refusal).ToString(CultureInfo.InvariantCulture);
                    await WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, JsonSerializer.Serialize(RateLimitRefusal.Body(refusal), Json));
                    break;
                case TurnResult.TooLong tooLong:
                    // Refused unread, so the reply fails closed: it says where help is.
                    await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"\"text\" is {tooLong.Length} characters long; the limit is {tooLong.MaxLength}. {SafetyNet.Text}");
                    break;
                default:
                    // An answer, or the still-loading notice: a document the page shows as a reply.
                    await WriteJsonAsync(context, StatusCodes.Status200OK, WithConversationId(result.Reply, visitor.Conversation));
                    break;
            }
        }
    }

    /// <summary>The answer document, plus the id that carries this conversation on and, when it can be voted on, the answer's id.</summary>
    private static byte[] WithConversationId(Answer answer, WebConversationId conversation) =>
        AnswerJson.SerializeToUtf8Bytes(new WebChatReply(
            AnswerJson.ToDocument(answer),
            conversation,
            answer.Id is { } id && answer.IsSubstantive ? id.Value : null));

    private static Task WriteJsonAsync(HttpContext context, int status, string json) =>
        WriteJsonAsync(context, status, System.Text.Encoding.UTF8.GetBytes(json));

    private static Task WriteJsonAsync(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, JsonSerializer.Serialize(new WebChatError(message), Json));

    /// <returns>The whole body, or null when it is longer than <paramref name="maxBytes"/> (reading stops there).</returns>
    private static async Task<byte[]?> ReadBoundedAsync(PipeReader reader, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

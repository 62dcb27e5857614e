using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// POST /discord/interactions. Verifies the signature over the raw bytes before anything is parsed, then hands
/// the interaction to <see cref="InteractionHandler"/> and answers inline with whatever it responds first; the
/// handler may carry on (a deferred answer) after the HTTP response has gone.
/// </summary>
internal sealed partial class InteractionEndpoint(
    InteractionSignatureVerifier verifier,
    InteractionHandler handler,
    IHostApplicationLifetime lifetime,
    ILogger<InteractionEndpoint> logger)
{
    /// <summary>Interaction payloads are small; this bounds what an unauthenticated caller can make us buffer.</summary>
    internal const int MaxBodyBytes = 1 << 20;

    /// <summary>
    /// The HTTP response is written by then whatever the handler is doing: Discord drops an interaction that is not
    /// acknowledged within 3 s, and a starved thread pool or a stuck handler must not make us miss that.
    /// </summary>
    internal static readonly TimeSpan ResponseHardCap = TimeSpan.FromSeconds(2.5);

    public async Task HandleAsync(HttpContext context)
    {
        if (!verifier.IsConfigured)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (body is null || !verifier.Verify(signature, timestamp, body))
        {
            LogRejected(body is null ? "body too large" : "bad signature");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interaction? interaction;
        try
        {
            // JSON is UTF-8 (RFC 8259). The serializer leaves option values undecoded until they are read, so invalid
            // bytes there would otherwise fail later, inside the handler, instead of being a 400 here.
            interaction = Utf8.IsValid(body) ? JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options) : null;
        }
        catch (JsonException ex)
        {
            LogMalformed(ex.Path, ex.LineNumber, ex.BytePositionInLine);
            interaction = null;
        }

        if (interaction is null || (interaction.Type != InteractionType.Ping && string.IsNullOrEmpty(interaction.Token)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var responder = new InlineInteractionResponder();
        // The handler outlives this request when it defers, so it runs on the application's lifetime, not RequestAborted.
        var handling = RunHandlerAsync(interaction, responder);
        using (var cap = new CancellationTokenSource())
        {
            await Task.WhenAny(responder.Response, handling, Task.Delay(ResponseHardCap, cap.Token)).ConfigureAwait(false);
            await cap.CancelAsync().ConfigureAwait(false);
        }

        // Whatever the handler has not answered by now gets the apology; its own late response is then refused.
        var response = responder.Seal(InteractionResponse.Message(OutgoingMessage.Text(InteractionHandler.FailureText, ephemeral: true)), out var sealedByUs);
        if (sealedByUs && !handling.IsCompleted)
        {
            LogHardCap(interaction.Id, ResponseHardCap.TotalMilliseconds);
        }

        try
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(DiscordJson.Serialize(response), context.RequestAborted).ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            // Released even when the write failed: the handler then finds out from the webhook's own answer.
            responder.MarkDelivered();
        }
    }

    private async Task RunHandlerAsync(Interaction interaction, IInteractionResponder responder)
    {
        try
        {
            await handler.HandleAsync(interaction, responder, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(ex, interaction.Id);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an interaction request: {Reason}")]
    private partial void LogRejected(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed interaction JSON at {JsonPath} (line {Line}, byte {BytePosition}); answered 400")]
    private partial void LogMalformed(string? jsonPath, long? line, long? bytePosition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId} had no response after {CapMs} ms; answered with an apology")]
    private partial void LogHardCap(Snowflake interactionId, double capMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} failed")]
    private partial void LogHandlerFailed(Exception exception, Snowflake interactionId);
}

using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkinBot.Core.Diagnostics;
using SkinBot.Core.State;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// POST /discord/interactions. Checks the signature headers (present, well-formed, fresh) before reading the body,
/// refuses a body larger than Discord sends with 413 before buffering it, verifies the signature over the raw bytes
/// before anything is parsed, answers a second copy of an interaction with the first copy's response (or refuses it as
/// a replay when this replica does not hold that response; a PING is simply answered again), then hands the interaction to
/// <see cref="InteractionHandler"/> and answers inline with whatever it responds first; the handler may carry on
/// (a deferred answer) after the HTTP response has gone.
/// </summary>
internal sealed partial class InteractionEndpoint(
    InteractionSignatureVerifier verifier,
    InteractionHandler handler,
    IDeliveryLedger replays,
    AnsweredInteractions answered,
    IHostApplicationLifetime lifetime,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<InteractionEndpoint> logger) : IDisposable
{
    private static readonly RefusalReason BadHeaders = new("bad_signature_headers");
    private static readonly RefusalReason StaleTimestamp = new("stale_timestamp");
    private static readonly RefusalReason BodyTooLarge = new("body_too_large");
    private static readonly RefusalReason BadSignature = new("bad_signature");
    private static readonly RefusalReason Replayed = new("replayed");

    // Anyone can post here: a flood of forged requests is counted in full but logged as one line per reason per interval.
    private readonly RefusalLog _refusals = new(logger, LogLevel.Warning, "Discord interaction request", time);

    /// <summary>
    /// The most an interaction for SkinBot can weigh, with room to spare: its largest are a button press, which
    /// carries the message the button sits on (≤2,000 characters of content, ≤6,000 of embed text, 25 buttons of
    /// ≤180 characters), and a command with a ≤6,000-character option. That is under 13,000 characters, at most
    /// ~78 KB even if every one were sent as a six-byte JSON escape; 128 KiB bounds what an unauthenticated caller
    /// can make us buffer (1 MiB before) without refusing anything Discord can send.
    /// </summary>
    internal const int MaxBodyBytes = 128 * 1024;

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

        var signature = context.Request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = context.Request.Headers["X-Signature-Timestamp"].ToString();
        if (verifier.CheckHeaders(signature, timestamp) is var check and not SignatureCheck.Valid)
        {
            Refuse(check == SignatureCheck.Stale ? StaleTimestamp : BadHeaders);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            Refuse(BodyTooLarge);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!verifier.Verify(signature, timestamp, body))
        {
            Refuse(BadSignature);
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

        // Discord delivers an interaction once and never retries it, so a second copy of a signed request is a replay
        // or a proxy's retry, and nothing runs for it again. A copy of one this replica answered gets that same
        // response (a retry whose response was lost still gets the answer); any other copy is refused like a request
        // that does not prove it is Discord's. A PING is not claimed at all: it changes nothing, every copy gets the
        // same PONG, and a ledger entry can be a Redis round trip.
        if (interaction.Type != InteractionType.Ping
            && !await replays.TryClaimAsync(DeliveryKey.Discord(interaction.Id.Value), context.RequestAborted))
        {
            if (await answered.ResponseToAsync(interaction.Id, ResponseHardCap, context.RequestAborted) is { } earlier)
            {
                metrics.InteractionsRepeated.Add(1);
                await WriteAsync(context, earlier);
                return;
            }

            Refuse(Replayed);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        answered.Begin(interaction.Id);
        var responder = new InlineInteractionResponder();
        // The handler outlives this request when it defers, so it runs on the application's lifetime, not RequestAborted.
        var handling = RunHandlerAsync(interaction, responder);
        using (var cap = new CancellationTokenSource())
        {
            await Task.WhenAny(responder.Response, handling, Task.Delay(ResponseHardCap, cap.Token));
            await cap.CancelAsync();
        }

        // Whatever the handler has not answered by now gets the apology; its own late response is then refused.
        var response = responder.Seal(InteractionResponse.Message(OutgoingMessage.Text(InteractionHandler.FailureText, ephemeral: true)), out var sealedByUs);
        if (sealedByUs && !handling.IsCompleted)
        {
            LogHardCap(interaction.Id, ResponseHardCap.TotalMilliseconds);
        }

        var bytes = DiscordJson.Serialize(response);
        if (sealedByUs)
        {
            // The apology is for this copy only: a later copy is refused rather than told the same.
            answered.Failed(interaction.Id);
        }
        else
        {
            answered.Sent(interaction.Id, bytes);
        }

        try
        {
            await WriteAsync(context, bytes);
        }
        finally
        {
            // Released even when the write failed: the handler then finds out from the webhook's own answer.
            responder.MarkDelivered();
        }
    }

    private static async Task WriteAsync(HttpContext context, byte[] response)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Length;
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
        await context.Response.CompleteAsync();
    }

    public void Dispose() => _refusals.Dispose();

    private void Refuse(RefusalReason reason)
    {
        metrics.InteractionsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason.Code));
        _refusals.Refused(reason);
    }

    private async Task RunHandlerAsync(Interaction interaction, IInteractionResponder responder)
    {
        try
        {
            await handler.HandleAsync(interaction, responder, lifetime.ApplicationStopping);
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
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed interaction JSON at {JsonPath} (line {Line}, byte {BytePosition}); answered 400")]
    private partial void LogMalformed(string? jsonPath, long? line, long? bytePosition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId} had no response after {CapMs} ms; answered with an apology")]
    private partial void LogHardCap(Snowflake interactionId, double capMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Interaction {InteractionId} failed")]
    private partial void LogHandlerFailed(Exception exception, Snowflake interactionId);
}

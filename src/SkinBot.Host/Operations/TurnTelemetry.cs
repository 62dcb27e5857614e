using System.Diagnostics;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Operations;

/// <summary>
/// The outermost step of every turn: its span, the log scope that ties its lines together, its metrics, and the one
/// line that says what became of it. The person's text is health information and is only ever logged at Debug.
/// </summary>
internal sealed partial class TurnTelemetry(ChatMetrics metrics, TimeProvider time, ILogger<TurnTelemetry> logger) : ITurnMiddleware
{
    public async ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        using var activity = SkinBotTelemetry.ActivitySource.StartActivity("skinbot.engine.answer");
        activity?.SetTag("skinbot.platform", turn.Platform);
        activity?.SetTag("skinbot.correlation_id", turn.CorrelationId);
        using var scope = logger.BeginScope(new TurnLogScope(turn.CorrelationId, turn.Platform));
        LogMessage(turn.Request.Command?.Name, turn.Request.Text);

        var started = time.GetTimestamp();
        TurnResult result;
        try
        {
            result = await next(turn, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }

        var elapsed = time.GetElapsedTime(started);
        var reply = result.Reply;
        metrics.RecordTurn(turn.Platform, result, elapsed);
        activity?.SetTag("skinbot.outcome", result.Outcome.ToName());
        activity?.SetTag("skinbot.intent", reply.Intent);
        activity?.SetTag("skinbot.low_confidence", reply.LowConfidence);

        // A refusal was logged (or counted for its summary) where it was decided; a line per refused message would flood the log.
        var refused = result.Outcome is TurnOutcome.RateLimited or TurnOutcome.TooLong;
        LogTurn(
            refused ? LogLevel.Debug : LogLevel.Information,
            reply.Intent,
            reply.Confidence,
            reply.LowConfidence,
            reply.Passages.Count,
            result.Outcome.ToName(),
            reply.CorpusVersion,
            elapsed.TotalMilliseconds);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {Command}: {Text}")]
    private partial void LogMessage(string? command, string text);

    [LoggerMessage(Message = "Answered {Intent} (confidence {Confidence:0.00}, low confidence {LowConfidence}, {PassageCount} passages, outcome {Outcome}, corpus {CorpusVersion}) in {ElapsedMs:0.0} ms")]
    private partial void LogTurn(LogLevel level, string intent, double confidence, bool lowConfidence, int passageCount, string outcome, string corpusVersion, double elapsedMs);
}

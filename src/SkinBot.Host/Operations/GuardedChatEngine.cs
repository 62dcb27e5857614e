using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Safety;

namespace SkinBot.Host.Operations;

/// <summary>
/// Wraps the real engine for every platform: applies the abuse limits and the length cap before a message
/// reaches it, and records the span, the log scope and the metrics of each answer.
/// Registered by <see cref="OperationsExtensions.AddSkinBotOperations"/> in place of the existing <see cref="IChatEngine"/>.
/// </summary>
public sealed class GuardedChatEngine : IChatEngine
{
    private readonly IChatEngine _inner;
    private readonly AbuseGuard _guard;
    private readonly ChatMetrics _metrics;
    private readonly ChatRefusalLog _refusals;
    private readonly IUrgentSignScreen? _screen;
    private readonly LimitsOptions _limits;
    private readonly TimeProvider _time;
    private readonly ILogger<GuardedChatEngine> _logger;

    internal GuardedChatEngine(
        IChatEngine inner,
        AbuseGuard guard,
        ChatMetrics metrics,
        ChatRefusalLog refusals,
        IUrgentSignScreen? screen,
        IOptions<LimitsOptions> limits,
        TimeProvider time,
        ILogger<GuardedChatEngine> logger)
    {
        _inner = inner;
        _guard = guard;
        _metrics = metrics;
        _refusals = refusals;
        _screen = screen;
        _limits = limits.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The engine being guarded; for diagnostics and tests.</summary>
    public IChatEngine Inner => _inner;

    public async ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = SkinBotTelemetry.ActivitySource.StartActivity("skinbot.engine.answer");
        activity?.SetTag("skinbot.platform", request.Platform);
        activity?.SetTag("skinbot.correlation_id", request.CorrelationId);
        using var scope = _logger.BeginScope(new Dictionary<string, object?>
        {
            ["CorrelationId"] = request.CorrelationId,
            ["Platform"] = request.Platform,
        });

        // Users' messages are health questions: their text is only ever logged at Debug.
        _logger.LogDebug("Message {Command}: {Text}", request.Command?.Name, request.Text);

        var started = _time.GetTimestamp();
        Answer answer;
        try
        {
            answer = await AnswerGuardedAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }

        var elapsed = _time.GetElapsedTime(started);
        _metrics.RecordAnswer(request.Platform, answer, elapsed);
        activity?.SetTag("skinbot.intent", answer.Intent);
        activity?.SetTag("skinbot.low_confidence", answer.LowConfidence);
        activity?.SetTag("skinbot.suppressed", answer.Suppressed);
        // A refusal was logged (or counted for its summary) where it was decided; a line per refused message would flood the log.
        var refused = answer.Intent is GuardReplies.RateLimitedIntent or GuardReplies.TooLongIntent;
        _logger.Log(
            refused ? LogLevel.Debug : LogLevel.Information,
            "Answered {Intent} (confidence {Confidence:0.00}, low confidence {LowConfidence}, {PassageCount} passages, suppressed {Suppressed}) in {ElapsedMs:0.0} ms",
            answer.Intent,
            answer.Confidence,
            answer.LowConfidence,
            answer.Passages.Count,
            answer.Suppressed,
            elapsed.TotalMilliseconds);
        return answer;
    }

    private ValueTask<Answer> AnswerGuardedAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var decision = _guard.Check(request);
        if (decision.Outcome != GuardOutcome.Allowed && ShowsUrgentSign(request, "rate"))
        {
            return _inner.AnswerAsync(request, cancellationToken);
        }

        if (decision.Outcome != GuardOutcome.Allowed)
        {
            var suppressed = decision.Outcome == GuardOutcome.Suppressed;
            _metrics.RecordRateLimited(request.Platform, decision.Scope!, suppressed);
            _refusals.RateLimited(request.Platform, decision.Scope!);
            _logger.LogDebug(
                "Message refused by the {Scope} rate limit; {Reply}, next permit in {RetryAfterSeconds:0.0} s",
                decision.Scope,
                suppressed ? "reply suppressed" : "notice sent",
                decision.RetryAfter.TotalSeconds);
            return ValueTask.FromResult(GuardReplies.RateLimited(decision.Scope == LimitScopes.Channel, decision.RetryAfter, suppressed));
        }

        var length = MessageLength(request);
        if (length > _limits.MaxMessageLength && ShowsUrgentSign(request, "length"))
        {
            return _inner.AnswerAsync(request, cancellationToken);
        }

        if (length > _limits.MaxMessageLength)
        {
            _metrics.RecordTooLong(request.Platform);
            _refusals.TooLong(request.Platform);
            _logger.LogDebug("Message of {Length} characters is over the {MaxLength}-character cap", length, _limits.MaxMessageLength);
            return ValueTask.FromResult(GuardReplies.TooLong(_limits.MaxMessageLength, length));
        }

        return _inner.AnswerAsync(request, cancellationToken);
    }

    /// <summary>
    /// A limit never turns away a message that shows an urgent sign: its reply (crisis lines, go to care) must not be
    /// missed, and the engine's answer to it is the fixed safety reply, so letting it through costs the screen alone.
    /// </summary>
    private bool ShowsUrgentSign(ChatRequest request, string limit)
    {
        if (_screen?.Screen(request) is not { } verdict)
        {
            return false;
        }

        _metrics.RecordUrgentPastLimit(request.Platform, limit);
        _logger.LogDebug("Message over the {Limit} limit shows the urgent sign {Sign}; answered anyway", limit, verdict.Sign.Name);
        return true;
    }

    /// <summary>
    /// The longest piece of user input: the text or any command option. Adapters may put the same question
    /// in both (a slash command's text fallback), so they are not added up.
    /// </summary>
    private static int MessageLength(ChatRequest request)
    {
        var length = request.Text?.Length ?? 0;
        if (request.Command is { } command)
        {
            foreach (var value in command.Options.Values)
            {
                length = Math.Max(length, value.Length);
            }
        }

        return length;
    }
}

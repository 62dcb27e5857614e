using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Operations;

/// <summary>
/// The abuse limits and the length cap, the same for every door: a message over either is answered with a notice and never
/// reaches the engine, unless it shows an urgent sign. Each refusal is counted, and logged through <see cref="ChatRefusalLog"/>.
/// </summary>
internal sealed partial class TurnLimits(
    AbuseGuard guard,
    ChatMetrics metrics,
    ChatRefusalLog refusals,
    IOptions<LimitsOptions> limits,
    ILogger<TurnLimits> logger,
    IUrgentSignScreen? screen = null) : ITurnMiddleware
{
    private readonly int _maxLength = limits.Value.MaxMessageLength;

    public async ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        var request = turn.Request;
        var decision = await guard.CheckAsync(request, cancellationToken);
        if (decision.Outcome != GuardOutcome.Allowed)
        {
            return ShowsUrgentSign(request, "rate") ? await next(turn, cancellationToken) : RateLimited(request, decision);
        }

        var length = MessageLength(request);
        if (length > _maxLength)
        {
            return ShowsUrgentSign(request, "length") ? await next(turn, cancellationToken) : TooLong(request, length);
        }

        return await next(turn, cancellationToken);
    }

    private TurnResult RateLimited(ChatRequest request, GuardDecision decision)
    {
        var alreadyTold = decision.Outcome == GuardOutcome.Suppressed;
        metrics.RecordRateLimited(request.Platform, decision.Scope, alreadyTold);
        refusals.RateLimited(request.Platform, decision.Scope);
        LogRateLimited(decision.Scope, alreadyTold, decision.RetryAfter.TotalSeconds);
        return new TurnResult.RateLimited(GuardReplies.RateLimited(decision.Scope, decision.RetryAfter), decision.Scope, decision.RetryAfter, alreadyTold);
    }

    private TurnResult TooLong(ChatRequest request, int length)
    {
        metrics.RecordTooLong(request.Platform);
        refusals.TooLong(request.Platform);
        LogTooLong(length, _maxLength);
        return new TurnResult.TooLong(GuardReplies.TooLong(_maxLength, length), length, _maxLength);
    }

    /// <summary>
    /// A limit never turns away a message that shows an urgent sign: its reply (crisis lines, go to care) must not be
    /// missed, and the engine's answer to it is the fixed safety reply, so letting it through costs the screen alone.
    /// </summary>
    private bool ShowsUrgentSign(ChatRequest request, string limit)
    {
        // The real engine registers its screen; a stand-in engine (tests, tools) has no safety catalogue to screen with.
        if (screen?.Screen(request) is not { } verdict)
        {
            return false;
        }

        metrics.RecordUrgentPastLimit(request.Platform, limit);
        LogUrgentPastLimit(limit, verdict.Sign.Name);
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

    // A refusal is logged (or counted for its summary) by ChatRefusalLog; a line per refused message would flood the log.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Message refused by the {Scope} rate limit (already told: {AlreadyTold}); next permit in {RetryAfterSeconds:0.0} s")]
    private partial void LogRateLimited(Core.Domain.LimitScope scope, bool alreadyTold, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message of {Length} characters is over the {MaxLength}-character cap")]
    private partial void LogTooLong(int length, int maxLength);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message over the {Limit} limit shows the urgent sign {Sign}; answered anyway")]
    private partial void LogUrgentPastLimit(string limit, string sign);
}

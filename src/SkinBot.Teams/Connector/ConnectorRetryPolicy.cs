using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace SkinBot.Teams.Connector;

/// <summary>
/// The connector client's retries as a Polly pipeline: up to <see cref="TeamsOptions.MaxSendAttempts"/> attempts,
/// only for attempts that are <see cref="SendAttempt.Retryable"/>, waiting what Retry-After asks (capped) or a
/// jittered exponential backoff, and giving up at once when the wait would end past the send deadline.
/// </summary>
internal sealed partial class ConnectorRetryPolicy
{
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedDelay = new("skinbot.teams.planned-delay");
    private static readonly ResiliencePropertyKey<long> StartedAt = new("skinbot.teams.started-at");
    private static readonly ResiliencePropertyKey<bool> StoppedByDeadline = new("skinbot.teams.stopped-by-deadline");
    private static readonly ResiliencePropertyKey<string> Kind = new("skinbot.teams.kind");

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly TeamsMetrics _metrics;
    private readonly ILogger<ConnectorRetryPolicy> _logger;
    private readonly ResiliencePipeline<SendAttempt> _pipeline;

    public ConnectorRetryPolicy(IOptions<TeamsOptions> options, TimeProvider time, TeamsMetrics metrics, ILogger<ConnectorRetryPolicy> logger)
    {
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _pipeline = _options.MaxSendAttempts <= 1
            ? ResiliencePipeline<SendAttempt>.Empty
            : new ResiliencePipelineBuilder<SendAttempt> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<SendAttempt>
                {
                    MaxRetryAttempts = _options.MaxSendAttempts - 1,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber + 1, args.Context)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(PlannedDelay, TimeSpan.Zero)),
                    OnRetry = args =>
                    {
                        _metrics.Retry();
                        LogRetrying(args.Context.Properties.GetValue(Kind, string.Empty), args.Outcome.Result.Status is { } status ? (int)status : null, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <summary>The outcome of the last attempt, and whether the policy stopped because the deadline was near.</summary>
    public readonly record struct Result(SendAttempt Last, bool StoppedByDeadline);

    /// <summary>
    /// Runs <paramref name="attempt"/> until it delivers, fails for good, or runs out of attempts or time. Cancellation
    /// of <paramref name="cancellationToken"/> (the caller or the send deadline) during a wait throws.
    /// </summary>
    public async ValueTask<Result> RunAsync(string kind, long startedAt, Func<CancellationToken, ValueTask<SendAttempt>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(Kind, kind);
            context.Properties.Set(StartedAt, startedAt);
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                async (ctx, _) =>
                {
                    try
                    {
                        return Outcome.FromResult(await attempt(ctx.CancellationToken));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<SendAttempt>(ex);
                    }
                },
                context,
                state: 0);
            outcome.ThrowIfException();
            return new Result(outcome.Result, context.Properties.GetValue(StoppedByDeadline, false));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(Outcome<SendAttempt> outcome, int attempt, ResilienceContext context)
    {
        if (outcome.Exception is not null || outcome.Result.Succeeded || !outcome.Result.Retryable || attempt >= _options.MaxSendAttempts)
        {
            return false;
        }

        var delay = RetryTiming.FromRetryAfter(outcome.Result.RetryAfter, _time.GetUtcNow(), _options.MaxRetryDelay)
            ?? RetryTiming.Backoff(attempt, _options.RetryBaseDelay, _options.MaxRetryDelay, Random.Shared);
        if (delay >= _options.SendDeadline - _time.GetElapsedTime(context.Properties.GetValue(StartedAt, 0L)))
        {
            // Waiting would end past the deadline; give up now rather than sleep only to fail.
            context.Properties.Set(StoppedByDeadline, true);
            return false;
        }

        context.Properties.Set(PlannedDelay, delay);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector service answered {Status} to a {Kind} on attempt {Attempt}; retrying in {DelayMs} ms")]
    private partial void LogRetrying(string kind, int? status, int attempt, double delayMs);
}

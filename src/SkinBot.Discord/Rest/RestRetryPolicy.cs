using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Discord REST retries as a Polly pipeline, with Discord's rules: a 429 is tried again once its bucket reopens (up to
/// <see cref="DiscordOptions.RestMaxRateLimitRetries"/>), a transient failure after a jittered backoff (up to
/// <see cref="DiscordOptions.RestMaxRetries"/>), and nothing is retried past the caller's deadline.
/// </summary>
internal sealed partial class RestRetryPolicy
{
    private static readonly ResiliencePropertyKey<CallState> State = new("skinbot.discord.rest-call");

    private readonly DiscordOptions _settings;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics _metrics;
    private readonly ILogger<RestRetryPolicy> _logger;
    private readonly ResiliencePipeline<RestAttempt> _pipeline;

    public RestRetryPolicy(IOptions<DiscordOptions> options, TimeProvider time, DiscordMetrics metrics, ILogger<RestRetryPolicy> logger)
    {
        _settings = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<RestAttempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<RestAttempt>
            {
                // The per-kind limits below decide; this only bounds the loop.
                MaxRetryAttempts = Math.Max(1, _settings.RestMaxRetries + _settings.RestMaxRateLimitRetries),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(State, null!))),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(State, null!).NextDelay),
                OnRetry = args =>
                {
                    if (args.Outcome.Result is RestAttempt.Transient transient)
                    {
                        var call = args.Context.Properties.GetValue(State, null!);
                        if (transient.Failure is { } failure)
                        {
                            LogNetworkRetry(call.Route, call.Failures, failure.GetType().Name);
                        }
                        else
                        {
                            LogServerRetry(call.Route, (int?)transient.Status ?? 0, call.Failures);
                        }

                        _metrics.Retries.Add(1);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Why the policy stopped retrying a call that did not succeed.</summary>
    public enum StopReason
    {
        None,
        OutOfRetries,
        PastDeadline,
    }

    /// <summary>The last attempt and, when it did not succeed, why no further one was made.</summary>
    public readonly record struct Result(RestAttempt Last, StopReason Stopped);

    /// <summary>Runs <paramref name="attempt"/> until it is done, fails for good (it throws), or the limits or deadline stop it.</summary>
    public async ValueTask<Result> RunAsync(DiscordRoute route, DateTimeOffset? deadline, Func<CancellationToken, ValueTask<RestAttempt>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var call = new CallState(route.Template, route.UsesBotAuthorization, deadline);
        try
        {
            context.Properties.Set(State, call);
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                async (ctx, run) =>
                {
                    try
                    {
                        return Outcome.FromResult(await run(ctx.CancellationToken));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<RestAttempt>(ex);
                    }
                },
                context,
                attempt);
            outcome.ThrowIfException();
            return new Result(outcome.Result!, call.Stopped);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(Outcome<RestAttempt> outcome, CallState call)
    {
        TimeSpan wait;
        switch (outcome.Result)
        {
            case RestAttempt.RateLimited limited when outcome.Exception is null:
                if (++call.RateLimits > _settings.RestMaxRateLimitRetries)
                {
                    call.Stopped = StopReason.OutOfRetries;
                    return false;
                }

                // The bucket or the global limiter holds the next attempt back; only routes outside the global
                // limiter (interaction callbacks) have to sit out a global 429 themselves.
                wait = limited.RetryAfter;
                call.NextDelay = !call.UsesGlobalLimit && limited.Global ? limited.RetryAfter : TimeSpan.Zero;
                break;
            case RestAttempt.Transient when outcome.Exception is null:
                if (++call.Failures > _settings.RestMaxRetries)
                {
                    call.Stopped = StopReason.OutOfRetries;
                    return false;
                }

                wait = Jitter.Backoff(call.Failures, _settings.RestRetryBaseDelay, _settings.RestRetryMaxDelay);
                call.NextDelay = wait;
                break;
            default:
                return false;
        }

        if (call.Deadline is { } end && _time.GetUtcNow() + wait >= end)
        {
            call.Stopped = StopReason.PastDeadline;
            return false;
        }

        return true;
    }

    /// <summary>One call's retry counts, kept in the Polly context so the pipeline itself is shared.</summary>
    private sealed class CallState(string route, bool usesGlobalLimit, DateTimeOffset? deadline)
    {
        public string Route { get; } = route;

        public bool UsesGlobalLimit { get; } = usesGlobalLimit;

        public DateTimeOffset? Deadline { get; } = deadline;

        public int Failures { get; set; }

        public int RateLimits { get; set; }

        public TimeSpan NextDelay { get; set; }

        public StopReason Stopped { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Status} on {Route}; retry {Attempt}")]
    private partial void LogServerRetry(string route, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord unreachable on {Route} ({Error}); retry {Attempt}")]
    private partial void LogNetworkRetry(string route, int attempt, string error);
}

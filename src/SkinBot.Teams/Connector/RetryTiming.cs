using System.Net;
using System.Net.Http.Headers;

namespace SkinBot.Teams.Connector;

/// <summary>When to try a connector call again.</summary>
internal static class RetryTiming
{
    /// <summary>429 and 412 are throttling as Teams documents it; 5xx are transient (an ambiguous 5xx may duplicate a post, which Teams accepts as the lesser evil).</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed || (int)status >= 500;

    /// <summary>The delay the service asked for, if any, clamped to [0, max].</summary>
    public static TimeSpan? FromRetryAfter(RetryConditionHeaderValue? retryAfter, DateTimeOffset now, TimeSpan max)
    {
        TimeSpan? wait = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }

    /// <summary>Exponential backoff with jitter between half and all of the step, so synchronized senders spread out.</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan max, Random random)
    {
        var step = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        var capped = Math.Min(step, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random.NextDouble() * 0.5)));
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace SkinBot.Teams.Connector;

/// <summary>When to try a connector call again.</summary>
internal static class RetryTiming
{
    /// <summary>
    /// 429 and 412 are throttling as Teams documents it, 502 and 504 a gateway that did not reach the service.
    /// Other 5xx are not retried: an activity POST is not idempotent, and a 500 or 503 may come after the
    /// message was posted, so a retry could show the person the same answer twice.
    /// </summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Only failures before anything was sent: the connection could not be made or the name not resolved.
    /// A connection lost after sending (or a timeout) may have posted the activity.
    /// </summary>
    public static bool IsRetryable(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

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

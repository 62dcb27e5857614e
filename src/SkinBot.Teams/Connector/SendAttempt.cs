using System.Net;
using System.Net.Http.Headers;

namespace SkinBot.Teams.Connector;

/// <summary>What one POST to the connector service came to, as the retry policy sees it.</summary>
/// <param name="Status">The status when the service answered; null when it did not (or on success).</param>
/// <param name="RetryAfter">The service's Retry-After, when it sent one.</param>
/// <param name="Failure">Why no answer came (a network error, a timeout, a transient token failure).</param>
/// <param name="FailureIsRetryable">The failure happened before anything could have been posted.</param>
internal readonly record struct SendAttempt(HttpStatusCode? Status, RetryConditionHeaderValue? RetryAfter, Exception? Failure, bool FailureIsRetryable)
{
    public static readonly SendAttempt Delivered = new(null, null, null, false);

    public bool Succeeded => Status is null && Failure is null;

    /// <summary>Safe to send again: only where a retry cannot post the activity twice (see <see cref="RetryTiming"/>).</summary>
    public bool Retryable => FailureIsRetryable || (Status is { } status && RetryTiming.IsRetryable(status));
}

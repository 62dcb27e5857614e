using System.Net;
using System.Net.Http.Headers;
using SkinBot.Teams.Connector;

namespace SkinBot.Teams.Tests;

public sealed class RetryTimingTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, false)]
    public void Only_throttling_and_gateway_errors_are_retryable_because_an_activity_post_is_not_idempotent(HttpStatusCode status, bool retryable) =>
        Assert.Equal(retryable, RetryTiming.IsRetryable(status));

    [Fact]
    public void Retry_after_in_seconds_and_as_a_date_are_honoured_and_capped()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(TimeSpan.FromSeconds(3), RetryTiming.FromRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryTiming.FromRetryAfter(new RetryConditionHeaderValue(now.AddSeconds(10)), now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryTiming.FromRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), now, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.Zero, RetryTiming.FromRetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now, TimeSpan.FromSeconds(30)));
        Assert.Null(RetryTiming.FromRetryAfter(null, now, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_and_is_capped()
    {
        var random = new Random(42);
        for (var retry = 1; retry <= 8; retry++)
        {
            var step = Math.Min(100 * Math.Pow(2, retry - 1), 2000);
            var delay = RetryTiming.Backoff(retry, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), random).TotalMilliseconds;
            Assert.InRange(delay, step * 0.5, step);
        }
    }
}

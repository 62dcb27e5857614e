using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkinBot.Teams.Connector;

namespace SkinBot.Teams.Tests;

public sealed class ConnectorRetryPolicyTests
{
    private static ConnectorRetryPolicy Policy(int maxAttempts = 4, double deadlineSeconds = 10)
    {
        var options = Options.Create(new TeamsOptions
        {
            MaxSendAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
            SendDeadline = TimeSpan.FromSeconds(deadlineSeconds),
        });
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return new ConnectorRetryPolicy(options, TimeProvider.System, new TeamsMetrics(meters), NullLogger<ConnectorRetryPolicy>.Instance);
    }

    private static Func<CancellationToken, ValueTask<SendAttempt>> Answers(List<long> at, params SendAttempt[] outcomes) => _ =>
    {
        at.Add(Stopwatch.GetTimestamp());
        return ValueTask.FromResult(outcomes[Math.Min(at.Count - 1, outcomes.Length - 1)]);
    };

    private static SendAttempt Status(HttpStatusCode status, TimeSpan? retryAfter = null) =>
        new(status, retryAfter is { } wait ? new RetryConditionHeaderValue(wait) : null, null, false);

    [Fact]
    public async Task A_gateway_error_is_tried_again_until_the_attempts_run_out()
    {
        var at = new List<long>();
        var result = await Policy(maxAttempts: 4).RunAsync("reply", Stopwatch.GetTimestamp(), Answers(at, Status(HttpStatusCode.BadGateway)), CancellationToken.None);

        Assert.Equal(4, at.Count);
        Assert.Equal(HttpStatusCode.BadGateway, result.Last.Status);
        Assert.False(result.StoppedByDeadline);
    }

    [Fact]
    public async Task A_throttled_send_succeeds_on_the_next_attempt_after_its_retry_after()
    {
        var at = new List<long>();
        var result = await Policy().RunAsync("reply", Stopwatch.GetTimestamp(), Answers(at, Status(HttpStatusCode.TooManyRequests, TimeSpan.FromMilliseconds(300)), SendAttempt.Delivered), CancellationToken.None);

        Assert.True(result.Last.Succeeded);
        Assert.Equal(2, at.Count);
        Assert.True(Stopwatch.GetElapsedTime(at[0], at[1]) >= TimeSpan.FromMilliseconds(280), "the retry came before Retry-After");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A_status_that_may_mean_the_activity_was_posted_is_never_retried(HttpStatusCode status)
    {
        var at = new List<long>();
        var result = await Policy().RunAsync("reply", Stopwatch.GetTimestamp(), Answers(at, Status(status), SendAttempt.Delivered), CancellationToken.None);

        Assert.Single(at);
        Assert.Equal(status, result.Last.Status);
    }

    [Fact]
    public async Task A_network_failure_after_sending_is_not_retried_but_one_before_sending_is()
    {
        var after = new List<long>();
        await Policy().RunAsync("reply", Stopwatch.GetTimestamp(), Answers(after, new SendAttempt(null, null, new TaskCanceledException(), false), SendAttempt.Delivered), CancellationToken.None);
        var before = new List<long>();
        var result = await Policy().RunAsync("reply", Stopwatch.GetTimestamp(), Answers(before, new SendAttempt(null, null, new HttpRequestException(HttpRequestError.ConnectionError), true), SendAttempt.Delivered), CancellationToken.None);

        Assert.Single(after);
        Assert.Equal(2, before.Count);
        Assert.True(result.Last.Succeeded);
    }

    [Fact]
    public async Task A_wait_that_would_end_past_the_deadline_is_not_waited()
    {
        var at = new List<long>();
        var clock = Stopwatch.StartNew();
        var result = await Policy(deadlineSeconds: 5).RunAsync("reply", Stopwatch.GetTimestamp(), Answers(at, Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(20)), SendAttempt.Delivered), CancellationToken.None);

        Assert.Single(at);
        Assert.True(result.StoppedByDeadline);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"gave up after {clock.ElapsedMilliseconds} ms instead of at once");
    }

    [Fact]
    public async Task A_failure_the_attempt_throws_ends_the_send_without_a_retry()
    {
        var calls = 0;
        var refused = new InvalidOperationException("wrong secret");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Policy().RunAsync("reply", Stopwatch.GetTimestamp(), _ => { calls++; throw refused; }, CancellationToken.None));

        Assert.Same(refused, thrown);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Cancelling_during_a_wait_ends_the_send()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var at = new List<long>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Policy().RunAsync("reply", Stopwatch.GetTimestamp(), Answers(at, Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3))), cancel.Token));

        Assert.Single(at);
    }
}

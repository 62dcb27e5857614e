using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Tests;

public sealed class RestRetryPolicyTests
{
    private static readonly DiscordRoute Route = DiscordRoute.GetGatewayBot();

    private static RestRetryPolicy Policy(int maxRetries = 2, int maxRateLimitRetries = 3)
    {
        var options = Options.Create(new DiscordOptions
        {
            RestMaxRetries = maxRetries,
            RestMaxRateLimitRetries = maxRateLimitRetries,
            RestRetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RestRetryMaxDelay = TimeSpan.FromMilliseconds(5),
        });
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return new RestRetryPolicy(options, TimeProvider.System, new DiscordMetrics(meters), NullLogger<RestRetryPolicy>.Instance);
    }

    private static Func<CancellationToken, ValueTask<RestAttempt>> Script(List<RestAttempt> made, params RestAttempt[] outcomes) => _ =>
    {
        var next = outcomes[Math.Min(made.Count, outcomes.Length - 1)];
        made.Add(next);
        return ValueTask.FromResult(next);
    };

    private static readonly RestAttempt ServerError = new RestAttempt.Transient(HttpStatusCode.BadGateway, null, null);
    private static readonly RestAttempt Limited = new RestAttempt.RateLimited(TimeSpan.Zero, false, HttpStatusCode.TooManyRequests, null);

    [Fact]
    public async Task Transient_failures_are_retried_up_to_the_retry_limit()
    {
        var made = new List<RestAttempt>();
        var result = await Policy(maxRetries: 2).RunAsync(Route, null, Script(made, ServerError), CancellationToken.None);

        Assert.Equal(3, made.Count);
        Assert.Equal(RestRetryPolicy.StopReason.OutOfRetries, result.Stopped);
    }

    [Fact]
    public async Task Rate_limits_have_their_own_budget_so_a_few_429s_do_not_use_up_the_failure_retries()
    {
        var made = new List<RestAttempt>();
        var result = await Policy(maxRetries: 1, maxRateLimitRetries: 3).RunAsync(Route, null, Script(made, Limited, Limited, Limited, ServerError, new RestAttempt.Done(null)), CancellationToken.None);

        Assert.IsType<RestAttempt.Done>(result.Last);
        Assert.Equal(5, made.Count);
    }

    [Fact]
    public async Task A_retry_that_would_come_after_the_deadline_is_not_made()
    {
        var made = new List<RestAttempt>();
        var result = await Policy().RunAsync(Route, DateTimeOffset.UtcNow.AddMilliseconds(200), Script(made, new RestAttempt.RateLimited(TimeSpan.FromSeconds(5), false, HttpStatusCode.TooManyRequests, null)), CancellationToken.None);

        Assert.Single(made);
        Assert.Equal(RestRetryPolicy.StopReason.PastDeadline, result.Stopped);
    }

    [Fact]
    public async Task A_final_refusal_the_attempt_throws_is_not_retried()
    {
        var calls = 0;
        var refusal = new DiscordRestException("/gateway/bot", HttpStatusCode.Forbidden, 50001, "Missing Access");

        var thrown = await Assert.ThrowsAsync<DiscordRestException>(async () =>
            await Policy().RunAsync(Route, null, _ => { calls++; throw refusal; }, CancellationToken.None));

        Assert.Same(refusal, thrown);
        Assert.Equal(1, calls);
    }
}

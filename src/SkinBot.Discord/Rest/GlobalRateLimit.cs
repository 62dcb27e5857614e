using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Discord's per-bot global limit: a token bucket of <see cref="DiscordOptions.GlobalRequestsPerSecond"/> a second,
/// and a full pause of every bot-authorized request after a 429 with global:true.
/// </summary>
internal sealed class GlobalRateLimit : IDisposable
{
    private readonly TimeProvider time;
    private readonly TokenBucketRateLimiter limiter;
    private long pausedUntilTicks;

    public GlobalRateLimit(IOptions<DiscordOptions> options, TimeProvider time)
    {
        this.time = time;
        var perSecond = options.Value.GlobalRequestsPerSecond;
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref pausedUntilTicks), TimeSpan.Zero);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        while ((wait = PausedUntil - time.GetUtcNow()) > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    public void PauseFor(TimeSpan retryAfter)
    {
        var until = (time.GetUtcNow() + retryAfter).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref pausedUntilTicks, until, current) != current);
    }

    public void Dispose() => limiter.Dispose();
}

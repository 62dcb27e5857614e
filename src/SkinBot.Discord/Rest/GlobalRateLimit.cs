using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Discord's per-bot global limit: a token bucket of <see cref="DiscordOptions.GlobalRequestsPerSecond"/> a second,
/// and a full pause of every bot-authorized request after a 429 with global:true.
/// </summary>
internal sealed class GlobalRateLimit : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TokenBucketRateLimiter _limiter;
    private long _pausedUntilTicks;

    public GlobalRateLimit(IOptions<DiscordOptions> options, TimeProvider time)
    {
        _time = time;
        var perSecond = options.Value.GlobalRequestsPerSecond;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        while ((wait = PausedUntil - _time.GetUtcNow()) > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
    }

    public void PauseFor(TimeSpan retryAfter)
    {
        var until = (_time.GetUtcNow() + retryAfter).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);
    }

    public void Dispose() => _limiter.Dispose();
}

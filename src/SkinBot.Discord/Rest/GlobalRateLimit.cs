using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Discord's per-bot global limit: a token bucket of <see cref="DiscordOptions.GlobalRequestsPerSecond"/> a second,
/// and a full pause of every bot-authorized request after a 429 with global:true. The limit is per bot, not per
/// process, so with shared state configured the bucket and the pause are shared by every replica; this process's own
/// bucket takes over while shared state is unreachable.
/// </summary>
internal sealed class GlobalRateLimit : IDisposable
{
    private const string SharedBucket = "discord:global";
    private const string SharedPause = "discord:global-pause";

    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private readonly ISharedRateLimiter? _sharedBucket;
    private readonly ISharedQuota? _sharedPause;
    private readonly TokenBucketRateLimiter _limiter;
    private long _pausedUntilTicks;

    public GlobalRateLimit(IOptions<DiscordOptions> options, TimeProvider time, ISharedRateLimiter? sharedBucket = null, ISharedQuota? sharedPause = null)
    {
        _time = time;
        _sharedBucket = sharedBucket;
        _sharedPause = sharedPause;
        _perSecond = options.Value.GlobalRequestsPerSecond;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _perSecond,
            TokensPerPeriod = _perSecond,
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

        while (_sharedPause is not null && await _sharedPause.TryTakeAsync(SharedPause, cancellationToken) is { } paused && paused > TimeSpan.Zero)
        {
            await Task.Delay(paused, _time, cancellationToken);
        }

        while (_sharedBucket is not null && await _sharedBucket.TryTakeAsync(SharedBucket, _perSecond, _perSecond, cancellationToken) is { } take)
        {
            if (take.Granted)
            {
                return;
            }

            await Task.Delay(take.RetryAfter, _time, cancellationToken);
        }

        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
    }

    public async ValueTask PauseForAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var until = (_time.GetUtcNow() + retryAfter).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= until)
            {
                break;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);

        if (_sharedPause is not null)
        {
            await _sharedPause.SetAsync(SharedPause, 0, retryAfter, cancellationToken);
        }
    }

    public void Dispose() => _limiter.Dispose();
}

using System.Threading.RateLimiting;

namespace SkinBot.Host.Operations;

/// <summary>
/// A token bucket that refills continuously by the clock of a <see cref="TimeProvider"/>.
/// The built-in <see cref="TokenBucketRateLimiter"/> reads the real clock even when replenished by hand,
/// which makes "wait a minute, then you may ask again" impossible to test without sleeping.
/// It never queues: a message either gets a token now or is told when the next one comes.
/// </summary>
internal sealed class TimeProviderTokenBucket : RateLimiter
{
    // Refill arithmetic is in doubles; a permit that is due "exactly now" must not be lost to rounding.
    private const double Tolerance = 1e-9;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly double _tokensPerSecond;
    private double _tokens;
    private long _lastRefill;
    private long _fullAt;

    public TimeProviderTokenBucket(int permitsPerMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
        _time = time;
        _capacity = permitsPerMinute;
        _tokensPerSecond = permitsPerMinute / 60.0;
        _tokens = permitsPerMinute;
        _lastRefill = time.GetTimestamp();
        _fullAt = _lastRefill;
    }

    /// <summary>How long the bucket has been full: a full bucket holds no state worth keeping, so its partition may be dropped.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                return now < _fullAt ? null : _time.GetElapsedTime(_fullAt, now);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)Math.Floor(_tokens) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        if (permitCount > _capacity)
        {
            return Lease.Denied(TimeSpan.MaxValue);
        }

        lock (_gate)
        {
            Refill();
            if (permitCount == 0)
            {
                return _tokens + Tolerance >= 1 ? Lease.Granted : Lease.Denied(WaitFor(1));
            }

            if (_tokens + Tolerance >= permitCount)
            {
                _tokens = Math.Max(0, _tokens - permitCount);
                var secondsToFull = (_capacity - _tokens) / _tokensPerSecond;
                _fullAt = _lastRefill + (long)Math.Ceiling(secondsToFull * _time.TimestampFrequency);
                return Lease.Granted;
            }

            return Lease.Denied(WaitFor(permitCount));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsed.TotalSeconds * _tokensPerSecond));
    }

    private TimeSpan WaitFor(int permits) => TimeSpan.FromSeconds(Math.Max(0, permits - _tokens) / _tokensPerSecond);

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        private readonly TimeSpan? _retryAfter;

        private Lease(bool acquired, TimeSpan? retryAfter)
        {
            IsAcquired = acquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames =>
            _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Denied(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

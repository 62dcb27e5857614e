using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

public sealed class TimeProviderTokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_full_bucket_allows_a_burst_of_its_permits_per_minute_then_refuses()
    {
        using var bucket = new TimeProviderTokenBucket(3, _time);

        var granted = Enumerable.Range(0, 4).Select(_ => bucket.AttemptAcquire().IsAcquired).ToList();

        Assert.Equal([true, true, true, false], granted);
    }

    [Fact]
    public void A_refusal_says_when_the_next_permit_comes()
    {
        using var bucket = new TimeProviderTokenBucket(6, _time);
        for (var i = 0; i < 6; i++)
        {
            Assert.True(bucket.AttemptAcquire().IsAcquired);
        }

        _time.Advance(TimeSpan.FromSeconds(4));
        using var lease = bucket.AttemptAcquire();

        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(6, retryAfter.TotalSeconds, 3);
    }

    [Fact]
    public void Permits_come_back_evenly_over_the_minute()
    {
        using var bucket = new TimeProviderTokenBucket(6, _time);
        for (var i = 0; i < 6; i++)
        {
            bucket.AttemptAcquire();
        }

        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(bucket.AttemptAcquire().IsAcquired);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.False(bucket.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_bucket_never_holds_more_than_one_minute_of_permits()
    {
        using var bucket = new TimeProviderTokenBucket(2, _time);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2, bucket.GetStatistics()!.CurrentAvailablePermits);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.False(bucket.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void A_bucket_is_idle_only_once_it_has_refilled()
    {
        using var bucket = new TimeProviderTokenBucket(2, _time);
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);

        bucket.AttemptAcquire();
        Assert.Null(bucket.IdleDuration);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);

        _time.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(TimeSpan.FromSeconds(12), bucket.IdleDuration);
    }
}

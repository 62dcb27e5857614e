using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;

namespace SkinBot.Host.Operations;

/// <summary>
/// Per-user and per-channel rate limits shared by every platform, and the memory of who has already been told.
/// A limited sender gets one notice; further messages before they may ask again are suppressed, so a flood
/// produces neither a flood of replies nor unexplained silence.
/// </summary>
internal sealed class AbuseGuard : IDisposable
{
    private const int NoticeSweepThreshold = 1024;

    private readonly TimeProvider _time;
    private readonly PartitionedRateLimiter<ChatRequest> _perUser;
    private readonly PartitionedRateLimiter<ChatRequest> _perChannel;

    // Limit key → timestamp until which further limited messages are suppressed.
    private readonly ConcurrentDictionary<string, long> _noticeUntil = new(StringComparer.Ordinal);

    public AbuseGuard(IOptions<LimitsOptions> options, TimeProvider time)
    {
        var limits = options.Value;
        _time = time;
        _perUser = PartitionedRateLimiter.Create<ChatRequest, string>(request =>
            RateLimitPartition.Get(UserKey(request), _ => new TimeProviderTokenBucket(limits.PerUserPermitsPerMinute, time)));
        _perChannel = PartitionedRateLimiter.Create<ChatRequest, string>(request =>
            request.ChannelId is null
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.Get(ChannelKey(request), _ => new TimeProviderTokenBucket(limits.PerChannelPermitsPerMinute, time)));
    }

    public GuardDecision Check(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The user limit is asked first so that one person's flood never drains the channel's allowance.
        using (var userLease = _perUser.AttemptAcquire(request))
        {
            if (!userLease.IsAcquired)
            {
                return Limited(UserKey(request), LimitScope.User, userLease);
            }
        }

        using (var channelLease = _perChannel.AttemptAcquire(request))
        {
            if (!channelLease.IsAcquired)
            {
                return Limited(ChannelKey(request), LimitScope.Channel, channelLease);
            }
        }

        _noticeUntil.TryRemove(UserKey(request), out _);
        if (request.ChannelId is not null)
        {
            _noticeUntil.TryRemove(ChannelKey(request), out _);
        }

        return GuardDecision.Allowed;
    }

    public void Dispose()
    {
        _perUser.Dispose();
        _perChannel.Dispose();
    }

    private static string UserKey(ChatRequest request) => $"user\u001f{request.Platform}\u001f{request.UserId}";

    private static string ChannelKey(ChatRequest request) => $"channel\u001f{request.Platform}\u001f{request.ChannelId}";

    private GuardDecision Limited(string key, LimitScope scope, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var now = _time.GetTimestamp();
        var until = now + (long)Math.Ceiling(retryAfter.TotalSeconds * _time.TimestampFrequency);

        var noticed = false;
        _noticeUntil.AddOrUpdate(
            key,
            _ =>
            {
                noticed = true;
                return until;
            },
            (_, previous) =>
            {
                if (previous > now)
                {
                    noticed = false;
                    return previous;
                }

                noticed = true;
                return until;
            });

        if (noticed && _noticeUntil.Count > NoticeSweepThreshold)
        {
            SweepExpiredNotices(now);
        }

        return new GuardDecision(noticed ? GuardOutcome.Notice : GuardOutcome.Suppressed, scope, retryAfter);
    }

    private void SweepExpiredNotices(long now)
    {
        foreach (var (key, until) in _noticeUntil)
        {
            if (until <= now)
            {
                _noticeUntil.TryRemove(new KeyValuePair<string, long>(key, until));
            }
        }
    }
}

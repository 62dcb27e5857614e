using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.State;

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

    private readonly LimitsOptions _limits;
    private readonly ISharedRateLimiter? _shared;

    /// <param name="shared">Set when Redis is configured: every replica then draws from the same buckets.</param>
    public AbuseGuard(IOptions<LimitsOptions> options, TimeProvider time, ISharedRateLimiter? shared = null)
    {
        var limits = options.Value;
        _limits = limits;
        _shared = shared;
        _time = time;
        _perUser = PartitionedRateLimiter.Create<ChatRequest, string>(request =>
            RateLimitPartition.Get(UserKey(request), _ => new TimeProviderTokenBucket(limits.PerUserPermitsPerMinute, time)));
        _perChannel = PartitionedRateLimiter.Create<ChatRequest, string>(request =>
            request.ChannelId is null
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.Get(ChannelKey(request), _ => new TimeProviderTokenBucket(limits.PerChannelPermitsPerMinute, time)));
    }

    /// <summary>
    /// Limits on the shared buckets when there are any and they answer; otherwise (no Redis, or Redis down) on this
    /// replica's own buckets, as <see cref="Check"/>.
    /// </summary>
    public async ValueTask<GuardDecision> CheckAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_shared is null)
        {
            return Check(request);
        }

        var user = await _shared.TryTakeAsync(UserKey(request), _limits.PerUserPermitsPerMinute, cancellationToken);
        if (user is null)
        {
            return Check(request);
        }

        if (!user.Value.Granted)
        {
            return Limited(UserKey(request), LimitScope.User, user.Value.RetryAfter);
        }

        if (request.ChannelId is not null)
        {
            var channel = await _shared.TryTakeAsync(ChannelKey(request), _limits.PerChannelPermitsPerMinute, cancellationToken);
            if (channel is { Granted: false })
            {
                return Limited(ChannelKey(request), LimitScope.Channel, channel.Value.RetryAfter);
            }
        }

        ForgetNotices(request);
        return GuardDecision.Allowed;
    }

    public GuardDecision Check(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The user limit is asked first so that one person's flood never drains the channel's allowance.
        using (var userLease = _perUser.AttemptAcquire(request))
        {
            if (!userLease.IsAcquired)
            {
                return Limited(UserKey(request), LimitScope.User, RetryAfter(userLease));
            }
        }

        using (var channelLease = _perChannel.AttemptAcquire(request))
        {
            if (!channelLease.IsAcquired)
            {
                return Limited(ChannelKey(request), LimitScope.Channel, RetryAfter(channelLease));
            }
        }

        ForgetNotices(request);
        return GuardDecision.Allowed;
    }

    private void ForgetNotices(ChatRequest request)
    {
        _noticeUntil.TryRemove(UserKey(request), out _);
        if (request.ChannelId is not null)
        {
            _noticeUntil.TryRemove(ChannelKey(request), out _);
        }
    }

    public void Dispose()
    {
        _perUser.Dispose();
        _perChannel.Dispose();
    }

    private static string UserKey(ChatRequest request) => $"user\u001f{request.Platform}\u001f{request.UserId}";

    private static string ChannelKey(ChatRequest request) => $"channel\u001f{request.Platform}\u001f{request.ChannelId}";

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    private GuardDecision Limited(string key, LimitScope scope, TimeSpan retryAfter)
    {
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

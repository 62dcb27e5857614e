using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using SkinBot.Core.State;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Per-route buckets learned from X-RateLimit-* headers. A bucket is keyed on Discord's opaque bucket hash (shared
/// by routes that share a limit) plus the top-level resource, falling back to the route template before the
/// first response names the hash. With shared state configured, every replica also spends from the same count
/// (<see cref="ISharedQuota"/>), so N replicas together stay within what Discord allows one bot.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time, ISharedQuota? shared = null)
{
    private const string SharedPrefix = "discord:";

    private const int PruneAbove = 2_000;

    private readonly ConcurrentDictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Waits until the route's bucket has a request left, then takes it.</summary>
    public async Task AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        var bucket = Get(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            await TakeSharedAsync(route, cancellationToken);
            var now = time.GetUtcNow();
            if (bucket.Remaining is <= 0 && bucket.ResetAt > now)
            {
                await Task.Delay(bucket.ResetAt - now, time, cancellationToken);
            }

            if (bucket.ResetAt <= time.GetUtcNow())
            {
                bucket.Remaining = null;
            }

            if (bucket.Remaining > 0)
            {
                bucket.Remaining--;
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    public async ValueTask UpdateAsync(DiscordRoute route, HttpResponseHeaders headers, CancellationToken cancellationToken)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            _hashByTemplate[route.TemplateKey] = hash;
        }

        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            var bucket = Get(route);
            var window = TimeSpan.FromSeconds(Math.Max(0, seconds));
            bucket.Remaining = left;
            bucket.ResetAt = time.GetUtcNow() + window;
            if (SharesCount(route))
            {
                await shared!.SetAsync(SharedKey(route), left, window, cancellationToken);
            }
        }
    }

    /// <summary>After a route-scoped 429: nothing more on this bucket until the retry time.</summary>
    public async ValueTask ExhaustAsync(DiscordRoute route, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var bucket = Get(route);
        bucket.Remaining = 0;
        var until = time.GetUtcNow() + retryAfter;
        if (until > bucket.ResetAt)
        {
            bucket.ResetAt = until;
        }

        if (SharesCount(route))
        {
            await shared!.SetAsync(SharedKey(route), 0, retryAfter, cancellationToken);
        }
    }

    /// <summary>Waits while the shared count is spent; an unreachable store leaves only this replica's own count.</summary>
    private async Task TakeSharedAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        while (SharesCount(route) && await shared!.TryTakeAsync(SharedKey(route), cancellationToken) is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    /// <summary>
    /// Only bot routes are shared: an interaction's webhook routes are used by the one replica answering it, and their
    /// key would carry the interaction token, a credential that has no place in shared state.
    /// </summary>
    private bool SharesCount(DiscordRoute route) => shared is not null && route.Kind == DiscordRouteKind.Bot;

    /// <summary>
    /// The shared count is keyed on the route template, not the bucket hash: a replica that has not yet seen the hash
    /// must still find the count the others keep.
    /// </summary>
    private static string SharedKey(DiscordRoute route) => string.Concat(SharedPrefix, route.TemplateKey, "|", route.MajorParameter);

    private Bucket Get(DiscordRoute route)
    {
        var key = (_hashByTemplate.TryGetValue(route.TemplateKey, out var hash) ? hash : route.TemplateKey) + "|" + route.MajorParameter;
        if (_buckets.Count > PruneAbove)
        {
            Prune();
        }

        return _buckets.GetOrAdd(key, static _ => new Bucket());
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.ResetAt < now && bucket.Gate.CurrentCount == 1)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Null while unknown (before the first response, or after the reset time).</summary>
        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Per-route buckets learned from X-RateLimit-* headers. A bucket is keyed on Discord's opaque bucket hash (shared
/// by routes that share a limit) plus the top-level resource, falling back to the route template before the
/// first response names the hash.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time)
{
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

    public void Update(DiscordRoute route, HttpResponseHeaders headers)
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
            bucket.Remaining = left;
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
    }

    /// <summary>After a route-scoped 429: nothing more on this bucket until the retry time.</summary>
    public void Exhaust(DiscordRoute route, TimeSpan retryAfter)
    {
        var bucket = Get(route);
        bucket.Remaining = 0;
        var until = time.GetUtcNow() + retryAfter;
        if (until > bucket.ResetAt)
        {
            bucket.ResetAt = until;
        }
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

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

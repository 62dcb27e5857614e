using System.Net;
using System.Text.Json;

namespace SkinBot.Discord.Rest;

/// <summary>What one REST call came to, as the retry policy sees it. Refusals that are final are thrown instead.</summary>
internal abstract record RestAttempt
{
    /// <summary>Discord answered with success (or said an earlier attempt already got through).</summary>
    public sealed record Done(JsonElement? Body) : RestAttempt;

    /// <summary>A 429: the bucket (or the global limit) is paused for <paramref name="RetryAfter"/> already.</summary>
    public sealed record RateLimited(TimeSpan RetryAfter, bool Global, HttpStatusCode Status, int? Code) : RestAttempt;

    /// <summary>A 5xx on an idempotent call, or a failure before anything was sent: safe to try again after a backoff.</summary>
    public sealed record Transient(HttpStatusCode? Status, int? Code, Exception? Failure) : RestAttempt;
}

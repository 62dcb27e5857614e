using SkinBot.Core.Domain;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;

namespace SkinBot.Host.WebChat;

/// <summary>
/// The web chat's form of a rate-limit refusal: HTTP 429 with <c>Retry-After</c> and the notice as the error, every time.
/// A web visitor sees only their own messages, so unlike a shared Discord channel nobody else has seen the first notice,
/// and a refused request that showed nothing would look like a broken page.
/// </summary>
internal static class RateLimitRefusal
{
    /// <summary>The longest any limit can make a person wait.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    public static int RetryAfterSeconds(TurnResult.RateLimited refusal) =>
        (int)Math.Clamp(Math.Ceiling(refusal.RetryAfter.TotalSeconds), 1, LongestWait.TotalSeconds);

    public static WebChatRateLimited Body(TurnResult.RateLimited refusal)
    {
        var notice = refusal.Notice;
        var headline = refusal.Scope == LimitScope.Channel ? GuardReplies.WebBusyHeadline : notice.Headline;
        var error = string.IsNullOrEmpty(notice.Message) ? headline + "." : $"{headline}. {notice.Message}";
        return new WebChatRateLimited(error, RetryAfterSeconds(refusal));
    }
}

using SkinBot.Core.Answers;
using SkinBot.Host.Operations;

namespace SkinBot.Host.WebChat;

/// <summary>
/// The web chat's form of a rate-limit reply: HTTP 429 with <c>Retry-After</c> and the notice as the error, every time.
/// A web visitor sees only their own messages, so unlike a shared Discord channel nobody else has seen the first notice,
/// and a refused request that showed nothing would look like a broken page.
/// </summary>
internal static class RateLimitRefusal
{
    /// <summary>When the limiter gave no wait, the longest any limit can make a person wait.</summary>
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(1);

    public static bool Applies(Answer answer) => answer.Intent == GuardReplies.RateLimitedIntent;

    public static int RetryAfterSeconds(Answer answer) =>
        (int)Math.Clamp(Math.Ceiling((answer.RetryAfter ?? DefaultWait).TotalSeconds), 1, DefaultWait.TotalSeconds);

    public static WebChatRateLimited Body(Answer answer)
    {
        var headline = answer.Headline == GuardReplies.ChannelRateLimitedHeadline ? GuardReplies.WebBusyHeadline : answer.Headline;
        var error = string.IsNullOrEmpty(answer.Message) ? headline + "." : $"{headline}. {answer.Message}";
        return new WebChatRateLimited(error, RetryAfterSeconds(answer));
    }
}

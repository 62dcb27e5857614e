using System.Globalization;
using SkinBot.Core.Answers;
using SkinBot.Core.Domain;

namespace SkinBot.Host.Operations;

/// <summary>The exact words SkinBot uses when an abuse limit, not the engine, answers. Documented in the README.</summary>
public static class GuardReplies
{
    public const string UserRateLimitedHeadline = "You're sending messages faster than I can answer";
    public const string ChannelRateLimitedHeadline = "This channel is sending messages faster than I can answer";
    public const string TooLongHeadline = "That message is too long for me";

    /// <summary>The web chat's words for its shared limit: its visitors do not see each other, so "this channel" would mean nothing to them.</summary>
    public const string WebBusyHeadline = "SkinBot is getting more messages than it can answer right now";

    /// <summary>Guard replies quote nothing from the corpus, so they carry no corpus version.</summary>
    public const string NoCorpusVersion = "";

    public static Answer RateLimited(LimitScope scope, TimeSpan retryAfter) => new()
    {
        Intent = TurnOutcomeNames.RateLimited,
        Confidence = 1,
        Headline = scope == LimitScope.Channel ? ChannelRateLimitedHeadline : UserRateLimitedHeadline,
        Message = string.Create(
            CultureInfo.InvariantCulture,
            $"Please wait about {Seconds(retryAfter)} and try again. Messages sent before then won't get a reply."),
        CorpusVersion = NoCorpusVersion,
    };

    public static Answer TooLong(int maxLength, int length) => new()
    {
        Intent = TurnOutcomeNames.TooLong,
        Confidence = 1,
        Headline = TooLongHeadline,
        Message = string.Create(
            CultureInfo.InvariantCulture,
            $"Please keep messages under {maxLength:N0} characters (yours has {length:N0}). A short question such as \"what are boxcar scars?\" gets the best answer."),
        CorpusVersion = NoCorpusVersion,
    };

    private static string Seconds(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return seconds == 1 ? "1 second" : string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds");
    }
}

namespace SkinBot.Core.Domain;

/// <summary>What became of one message: the engine answered it, or the pipeline answered for it.</summary>
public enum TurnOutcome
{
    /// <summary>The engine answered.</summary>
    Answered,

    /// <summary>An abuse limit refused the message; the person is told how long to wait (once per wait).</summary>
    RateLimited,

    /// <summary>The message is longer than the length cap; the person is told the cap.</summary>
    TooLong,

    /// <summary>The articles are still loading; the person is asked to try again.</summary>
    NotReady,
}

/// <summary>
/// The stable wire names of <see cref="TurnOutcome"/>: span tags, log fields, metric labels, and the <c>intent</c> of the
/// answer document when the pipeline, not the engine, answered (documented in the README; never rename them).
/// </summary>
public static class TurnOutcomeNames
{
    public const string Answered = "answered";
    public const string RateLimited = "rate_limited";
    public const string TooLong = "too_long";
    public const string NotReady = "not_ready";

    public static string ToName(this TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.RateLimited => RateLimited,
        TurnOutcome.TooLong => TooLong,
        TurnOutcome.NotReady => NotReady,
        _ => Answered,
    };
}

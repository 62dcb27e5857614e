namespace SkinBot.Core.Safety;

/// <summary>The numbers of the crisis screen by model (<see cref="CrisisModel"/>), in one place.</summary>
public sealed record CrisisModelTuning
{
    public static CrisisModelTuning Default { get; } = new();

    /// <summary>A message, or one of its clauses, at least this likely a crisis gets the crisis reply.</summary>
    public double Threshold { get; init; } = 0.75;

    /// <summary>
    /// The bar for a reading that talks about pockmarks themselves ("so basically i have dents and dont know what exists
    /// out there"): long skin questions sit near <see cref="Threshold"/> on their own words, and a crisis said beside a
    /// skin question is mostly said in a clause of its own, or shows a sign of safety.yml. Measured 2026-12-06: at 0.8 every
    /// crisis message of the gated sets is still caught; at 0.9 three were not (a lighter held "to the spots", a lyric
    /// beside pockmarks, "gone for good" beside pitted scars), so the bar stays close.
    /// </summary>
    public double SkinTalkThreshold { get; init; } = 0.8;

    /// <summary>
    /// A reading below the bar but at least this likely a crisis is remembered as a near miss: the next message is read
    /// for saying it was meant ("no fr tho", <see cref="SafetyCatalog.ScreenAfterNearMiss"/>).
    /// </summary>
    public double NearMiss { get; init; } = 0.5;

    /// <summary>Clauses shorter than this are not read on their own ("any point", "wish me luck").</summary>
    public int MinimumClauseWords { get; init; } = 3;
}

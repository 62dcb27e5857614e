namespace SkinBot.Core.Safety;

/// <summary>The numbers of the crisis screen by model (<see cref="CrisisModel"/>), in one place.</summary>
public sealed record CrisisModelTuning
{
    public static CrisisModelTuning Default { get; } = new();

    /// <summary>A message, or one of its clauses, at least this likely a crisis gets the crisis reply.</summary>
    public double Threshold { get; init; } = 0.75;

    /// <summary>Clauses shorter than this are not read on their own ("any point", "wish me luck").</summary>
    public int MinimumClauseWords { get; init; } = 3;
}

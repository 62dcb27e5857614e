namespace SkinBot.Testing.Hostile;

/// <summary>
/// How long property tests run. CI runs each property a small, fixed number of times so the whole suite stays fast;
/// <c>SKINBOT_PROPERTY_ITERATIONS=100000</c> runs every property that many times for a long soak, and
/// <c>SKINBOT_PROPERTY_SEED</c> replays the seed CsCheck printed for a failure.
/// </summary>
public static class PropertyRuns
{
    public const string IterationsVariable = "SKINBOT_PROPERTY_ITERATIONS";
    public const string SeedVariable = "SKINBOT_PROPERTY_SEED";

    /// <summary>The iterations for one property: <paramref name="inCi"/> unless the environment asks for more.</summary>
    public static long Iterations(long inCi) =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), out var asked) && asked > 0 ? asked : inCi;

    /// <summary>A seed to replay, or null for a fresh random run.</summary>
    public static string? Seed =>
        Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed ? seed : null;
}

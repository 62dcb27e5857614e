namespace SkinBot.Benchmarks;

/// <summary>Benchmark settings read from the environment, so a run can be repeated with a different one.</summary>
internal static class SkinBotBenchEnvironment
{
    /// <summary><c>SKINBOT_BENCH_MEMO</c>: the engine's answer memo capacity; 0 (the default) measures every answer worked out.</summary>
    public static int MemoCapacity =>
        int.TryParse(Environment.GetEnvironmentVariable("SKINBOT_BENCH_MEMO"), System.Globalization.CultureInfo.InvariantCulture, out var capacity) ? capacity : 0;
}

using BenchmarkDotNet.Running;
using SkinBot.Benchmarks;

// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --latency [rounds]   per-answer percentiles
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --filter '*'          BenchmarkDotNet suites
if (args is ["--latency", ..])
{
    await LatencyCommand.RunAsync(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 50);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineAnswerBenchmark).Assembly).Run(args);

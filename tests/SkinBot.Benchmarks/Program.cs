using BenchmarkDotNet.Running;
using SkinBot.Benchmarks;

// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --latency [rounds] [eval file]   per-answer percentiles
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --build 10000          one cold build, stage by stage
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --semantic             semantic index: load, per message, engine on/off
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --interactions HOST.dll [seconds]   Discord /ask over HTTP: peak, p50/p99 at 80 %
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --gateway HOST.dll [seconds]       one gateway pod: peak, p50/p99 at 80 %, CPU per answer
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --filter '*'          BenchmarkDotNet suites
if (args is ["--latency", ..])
{
    await LatencyCommand.RunAsync(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 50, args.Length > 2 ? args[2] : "questions.yml");
    return;
}

if (args is ["--gateway", var gatewayHostDll, ..])
{
    await GatewayLoadCommand.RunAsync(gatewayHostDll, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10, args[3..]);
    return;
}

if (args is ["--interactions", var hostDll, ..])
{
    await InteractionLoadCommand.RunAsync(hostDll, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10, args[3..]);
    return;
}

if (args is ["--semantic"])
{
    await SemanticCommand.RunAsync();
    return;
}

if (args is ["--build", var count])
{
    var corpus = SyntheticCorpus.Create(BenchmarkCorpus.RealCorpus, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    using (var knowledge = await BenchmarkCorpus.BuildAsync(corpus))
    {
        Console.WriteLine($"{knowledge.Passages.Count} passages in {clock.ElapsedMilliseconds} ms");
        foreach (var (stage, elapsed) in knowledge.BuildStages)
        {
            Console.WriteLine($"  {stage,-22} {elapsed.TotalMilliseconds,8:0} ms");
        }
    }

    Directory.Delete(corpus, recursive: true);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineAnswerBenchmark).Assembly).Run(args);

using BenchmarkDotNet.Running;
using SkinBot.Benchmarks;

// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --latency [rounds]   per-answer percentiles
// dotnet run -c Release --project tests/SkinBot.Benchmarks -- --filter '*'          BenchmarkDotNet suites
if (args is ["--latency", ..])
{
    await LatencyCommand.RunAsync(args.Length > 1 && int.TryParse(args[1], out var rounds) ? rounds : 50);
    return;
}

if (args is ["--analysis", var n])
{
    var corpusRoot = SyntheticCorpus.Create(BenchmarkCorpus.RealCorpus, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture));
    using var kb = await BenchmarkCorpus.BuildAsync(corpusRoot);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var total = 0;
    foreach (var p in kb.Passages)
    {
        total += kb.Analyzer.Terms(p.Text).Count;
    }

    Console.WriteLine($"analysed {kb.Passages.Count} passages ({total} terms) in {sw.ElapsedMilliseconds} ms");
    using var plain = new Lucene.Net.Analysis.Standard.StandardAnalyzer(SkinBot.Core.Search.LuceneSettings.Version);
    sw.Restart();
    foreach (var p in kb.Passages)
    {
        using var stream = plain.GetTokenStream("text", p.Text);
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();
    }

    Console.WriteLine($"standard analyzer: {sw.ElapsedMilliseconds} ms");
    Directory.Delete(corpusRoot, recursive: true);
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

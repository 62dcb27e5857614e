using BenchmarkDotNet.Attributes;

namespace SkinBot.Benchmarks;

/// <summary>
/// Knowledge-base build (load, split, Lucene index in memory, intents, vocabulary) for the real corpus and
/// synthetic corpora of 1,000 and 10,000 articles.
/// </summary>
[MemoryDiagnoser]
public class IndexBuildBenchmark
{
    private string _corpus = string.Empty;

    /// <summary>0 means the real corpus.</summary>
    [Params(0, 1_000, 10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _corpus = Articles == 0 ? BenchmarkCorpus.RealCorpus : SyntheticCorpus.Create(BenchmarkCorpus.RealCorpus, Articles);

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Articles != 0)
        {
            Directory.Delete(_corpus, recursive: true);
        }
    }

    [Benchmark]
    public async Task<int> Build()
    {
        using var knowledge = await BenchmarkCorpus.BuildAsync(_corpus);
        return knowledge.Passages.Count;
    }
}

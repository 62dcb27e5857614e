using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Search;

namespace SkinBot.Benchmarks;

/// <summary>Locates the repository's corpus and eval files and builds knowledge bases in memory.</summary>
public static class BenchmarkCorpus
{
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SkinBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the SkinBot repository.");
    }

    public static string RealCorpus => Path.Combine(RepositoryRoot(), "corpus");

    public static async Task<KnowledgeBase> BuildAsync(string corpusRoot, EngineOptions? options = null)
    {
        var builder = new KnowledgeBaseBuilder(
            new CorpusLoader(NullLogger<CorpusLoader>.Instance),
            new PassageIndexStore(Environment.GetEnvironmentVariable("SKINBOT_BENCH_INDEX_PATH"), NullLogger<PassageIndexStore>.Instance),
            NullLogger<KnowledgeBaseBuilder>.Instance,
            Options.Create(options ?? new EngineOptions()));
        return await builder.BuildAsync(new CorpusLayout(corpusRoot), CancellationToken.None);
    }
}

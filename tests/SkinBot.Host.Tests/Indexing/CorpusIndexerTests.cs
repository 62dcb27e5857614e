using Microsoft.Extensions.Logging;
using SkinBot.Core.Knowledge;
using SkinBot.Host.Indexing;
using SkinBot.Testing;

namespace SkinBot.Host.Tests.Indexing;

/// <summary>One refresh: build and swap, skip when nothing changed, keep serving when the build fails.</summary>
public sealed class CorpusIndexerTests
{
    [Fact]
    public async Task A_refresh_of_an_unchanged_corpus_keeps_the_serving_index()
    {
        await using var harness = new IndexingHarness(persisted: true);

        Assert.True(await harness.Indexer.RefreshAsync(CancellationToken.None));
        Assert.True(await harness.Indexer.RefreshAsync(CancellationToken.None));

        Assert.Equal(1, harness.SwapCount);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("unchanged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_over_an_unchanged_persisted_corpus_reopens_instead_of_rebuilding()
    {
        await using var harness = new IndexingHarness(persisted: true);
        await harness.Indexer.RefreshAsync(CancellationToken.None);
        var first = await harness.SwapAsync(1);

        // A second process over the same corpus and index folder, as after a restart.
        using var holder = new KnowledgeBaseHolder();
        var metrics = new IndexMetrics(harness.MeterFactory);
        var restarted = new CorpusIndexer(
            KnowledgeBases.Builder(harness.Corpus.IndexRoot, harness.Logs),
            holder,
            harness.Corpus.Layout,
            metrics,
            harness.Logs.For<CorpusIndexer>());
        Assert.True(await restarted.RefreshAsync(CancellationToken.None));

        using var lease = holder.Acquire();
        Assert.True(first.Built);
        Assert.False(lease.Knowledge.Built);
        Assert.Equal(first.Fingerprint, lease.Knowledge.Fingerprint);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Index reopened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_first_build_returns_false_and_a_failed_rebuild_returns_true()
    {
        await using var harness = new IndexingHarness();
        var good = harness.Corpus.Read("synonyms.txt");
        harness.Corpus.Write("synonyms.txt", "a => \n");

        Assert.False(await harness.Indexer.RefreshAsync(CancellationToken.None));

        harness.Corpus.Write("synonyms.txt", good);
        Assert.True(await harness.Indexer.RefreshAsync(CancellationToken.None));
        harness.Corpus.Write("synonyms.txt", "a => \n");
        Assert.True(await harness.Indexer.RefreshAsync(CancellationToken.None));
        Assert.Equal(1, harness.SwapCount);
    }
}

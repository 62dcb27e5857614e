using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkinBot.Host.Indexing;
using SkinBot.Testing;

namespace SkinBot.Host.Tests.Indexing;

/// <summary>
/// The worker over a corpus with bad entries in it (a named pipe, a link to a device, a looping link, a folder loop):
/// it becomes ready, reports each entry as skipped, and keeps picking up edits, so no bad entry holds the refresh.
/// </summary>
public sealed class HostileCorpusIndexingTests
{
    private static void AddBadEntries(TempCorpus corpus)
    {
        HostileEntries.Fifo(corpus.PathOf("articles/pipe.md"));
        HostileEntries.Link(corpus.PathOf("articles/zero.md"), "/dev/zero");
        HostileEntries.SelfLoop(corpus.PathOf("articles/loop.md"));
        HostileEntries.Link(corpus.PathOf("articles/nested/up"), "..");
    }

    [UnixFact]
    public async Task A_corpus_with_bad_entries_becomes_ready_and_still_picks_up_edits()
    {
        await using var harness = new IndexingHarness();
        AddBadEntries(harness.Corpus);
        var health = new IndexHealthCheck(harness.Holder);

        await harness.StartAsync();
        var first = await harness.SwapAsync(1);
        harness.Corpus.Write("articles/extra.md", "---\ntitle: Extra\n---\n\n## Extras\n\nMicrodermabrasionxyz is a made-up word.\n");
        var second = await harness.SwapAsync(2);

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(4, first.Skipped.Count);
        Assert.Equal(RepositoryRoot.ArticleIds(), first.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(4, second.Skipped.Count);
        Assert.Contains(second.Articles, a => a.Id == "extra");
    }

    [UnixFact]
    public async Task A_named_pipe_added_while_serving_is_skipped_and_the_next_edit_still_swaps_in()
    {
        await using var harness = new IndexingHarness();
        await harness.StartAsync();
        await harness.SwapAsync(1);

        HostileEntries.Fifo(harness.Corpus.PathOf("articles/pipe.md"));
        var withPipe = await harness.SwapAsync(2);
        harness.Corpus.Write("articles/extra.md", "---\ntitle: Extra\n---\n\n## Extras\n\nA paragraph about pitted scars.\n");
        var third = await harness.SwapAsync(3);

        Assert.EndsWith("pipe.md", Assert.Single(withPipe.Skipped).FilePath, StringComparison.Ordinal);
        Assert.Contains(third.Articles, a => a.Id == "extra");
    }

    [UnixFact]
    public async Task A_named_pipe_in_place_of_safety_yml_leaves_the_bot_not_ready_with_a_reason_instead_of_hanging()
    {
        await using var harness = new IndexingHarness();
        File.Delete(harness.Corpus.Layout.SafetyFile);
        HostileEntries.Fifo(harness.Corpus.Layout.SafetyFile);

        await harness.StartAsync();
        var error = await harness.Logs.WaitForAsync(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error, IndexingHarness.Patience);

        Assert.Contains("safety.yml", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
        Assert.False(harness.Holder.IsReady);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;
using SkinBot.Host.Indexing;

namespace SkinBot.Host.Tests.Indexing;

/// <summary>
/// The indexing worker over a private corpus copy: builds at start, rebuilds after an edit settles, swaps the new
/// index in, and keeps the old one serving when an edit is broken.
/// </summary>
public sealed class IndexingWorkerTests
{
    private static async Task<SkinBot.Core.Answers.Answer> AskAsync(IndexingHarness harness, string text) =>
        (await TurnAsync(harness, text)).Reply;

    private static async Task<TurnResult> TurnAsync(IndexingHarness harness, string text) =>
        await harness.Turns().RunAsync(new ChatRequest(Platforms.Web, Guid.NewGuid().ToString("N"), "u", text), TurnOptions.None, CancellationToken.None);

    /// <summary>Puts a marker (replacing any earlier one) into the Subcision bullet.</summary>
    private static void EditArticle(IndexingHarness harness, string marker) =>
        harness.Corpus.Edit("articles/pockmarks.md", text => Regex.Replace(
            text,
            @"- Subcision: (\(.*?\) )?With this procedure,",
            $"- Subcision: {marker} With this procedure,"));

    [Fact]
    public async Task The_worker_builds_the_index_at_start()
    {
        await using var harness = new IndexingHarness();

        await harness.StartAsync();
        var first = await harness.SwapAsync(1);

        Assert.Equal(first.Fingerprint, harness.Holder.Fingerprint);
        Assert.Equal("Subcision", (await AskAsync(harness, "what is subcision?")).Passages[0].LeadTerm);
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(first.Fingerprint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_an_article_swaps_in_an_index_with_a_new_fingerprint()
    {
        await using var harness = new IndexingHarness();
        await harness.StartAsync();
        var first = await harness.SwapAsync(1);

        EditArticle(harness, "(edited for the test)");
        var second = await harness.SwapAsync(2);

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal(second.Fingerprint, harness.Holder.Fingerprint);
        var answer = await AskAsync(harness, "what is subcision?");
        Assert.Contains("(edited for the test)", answer.Passages[0].Text, StringComparison.Ordinal);
        Assert.Equal(second.Fingerprint, answer.CorpusVersion);
    }

    [Fact]
    public async Task Adding_an_article_makes_its_passages_answerable()
    {
        await using var harness = new IndexingHarness();
        await harness.StartAsync();
        await harness.SwapAsync(1);

        harness.Corpus.Write("articles/extra.md", "---\ntitle: Extra notes\n---\n\n## Extras\n\nMicrodermabrasionxyz is a made-up word for this test.\n");
        var second = await harness.SwapAsync(2);

        Assert.Contains(second.Articles, a => a.Id == "extra");
        using var lease = harness.Holder.Acquire();
        Assert.Contains(lease.Knowledge.Index.Search(lease.Knowledge.Analyzer.Terms("microdermabrasionxyz"), null, 1), h => h.Passage.ArticleId == "extra");
    }

    public static TheoryData<string, string> BrokenEdits => new()
    {
        { "intents.yml", "intents: [this is not closed\n" },
        { "intents.yml", "caveat: ''\nintents: []\n" },
        { "intents.yml", "caveat: x\nintents:\n  - id: definition\n    examples:\n" },
        { "intent-examples.yml", "examples:\n  no_such_intent: [hi]\n" },
        { "synonyms.txt", "box car => \n" },
    };

    [Theory]
    [MemberData(nameof(BrokenEdits))]
    public async Task A_broken_edit_keeps_the_old_index_serving_and_logs_an_error(string file, string content)
    {
        await using var harness = new IndexingHarness();
        await harness.StartAsync();
        var serving = await harness.SwapAsync(1);

        harness.Corpus.Write(file, content);
        var error = await harness.Logs.WaitForAsync(e => e.Level == LogLevel.Error, IndexingHarness.Patience);

        Assert.Contains("still serving corpus", error.Message, StringComparison.Ordinal);
        Assert.Contains(serving.Fingerprint, error.Message, StringComparison.Ordinal);
        Assert.Equal(serving.Fingerprint, harness.Holder.Fingerprint);
        Assert.Equal(1, harness.SwapCount);
        Assert.Equal("Boxcar scars", (await AskAsync(harness, "what are boxcar scars?")).Passages[0].LeadTerm);
    }

    [Fact]
    public async Task Fixing_a_broken_edit_swaps_in_the_fixed_corpus()
    {
        await using var harness = new IndexingHarness();
        await harness.StartAsync();
        await harness.SwapAsync(1);
        var good = harness.Corpus.Read("intents.yml");

        harness.Corpus.Write("intents.yml", "intents: [broken\n");
        await harness.Logs.WaitForAsync(e => e.Level == LogLevel.Error, IndexingHarness.Patience);
        harness.Corpus.Write("intents.yml", good + "\n# fixed\n");
        var fixedBase = await harness.SwapAsync(2);

        Assert.Equal(fixedBase.Fingerprint, harness.Holder.Fingerprint);
        Assert.Equal("Boxcar scars", (await AskAsync(harness, "what are boxcar scars?")).Passages[0].LeadTerm);
    }

    [Fact]
    public async Task A_corpus_broken_at_start_is_not_ready_and_logs_why_then_serves_once_fixed()
    {
        await using var harness = new IndexingHarness();
        var good = harness.Corpus.Read("intents.yml");
        harness.Corpus.Write("intents.yml", "intents: [broken\n");
        var health = new IndexHealthCheck(harness.Holder);

        await harness.StartAsync();
        var error = await harness.Logs.WaitForAsync(e => e.Level == LogLevel.Error, IndexingHarness.Patience);

        Assert.Contains("could not be built", error.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.IsType<TurnResult.NotReady>(await TurnAsync(harness, "what are boxcar scars?"));

        harness.Corpus.Write("intents.yml", good);
        await harness.SwapAsync(1);

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task The_health_check_is_unhealthy_before_the_first_build_and_healthy_after()
    {
        await using var harness = new IndexingHarness();
        var health = new IndexHealthCheck(harness.Holder);

        var before = await health.CheckHealthAsync(new HealthCheckContext());
        await harness.StartAsync();
        var built = await harness.SwapAsync(1);
        var after = await health.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Contains(built.Fingerprint, after.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_edits_is_rebuilt_once_after_the_quiet_period()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = new IndexingHarness(debounce: TimeSpan.FromSeconds(5), time: time);
        await harness.StartAsync();
        await harness.SwapAsync(1);

        for (var i = 1; i <= 5; i++)
        {
            EditArticle(harness, $"(edit {i})");
        }

        // The debounce runs on the fake clock: whatever arrives, nothing is rebuilt until it moves.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, harness.SwapCount);

        var second = harness.SwapAsync(2);
        while (!second.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(second, Task.Delay(50));
        }

        var expected = await harness.Corpus.Layout.FingerprintAsync(CancellationToken.None);
        Assert.Equal(expected, (await second).Fingerprint);
        Assert.Contains("(edit 5)", (await AskAsync(harness, "what is subcision?")).Passages[0].Text, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Equal(2, harness.SwapCount);
    }

    [Fact]
    public async Task With_watching_off_an_edit_is_not_picked_up()
    {
        await using var harness = new IndexingHarness(watch: false);
        await harness.StartAsync();
        var serving = await harness.SwapAsync(1);

        EditArticle(harness, "(ignored)");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(serving.Fingerprint, harness.Holder.Fingerprint);
        Assert.Equal(1, harness.SwapCount);
    }

    [Fact]
    public async Task The_worker_stops_promptly()
    {
        var harness = new IndexingHarness();
        await harness.StartAsync();
        await harness.SwapAsync(1);

        var stop = harness.DisposeAsync().AsTask();

        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(IndexingHarness.Patience)));
        await stop;
    }
}

using System.Text;
using Microsoft.Extensions.Logging;
using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>
/// One bad entry in corpus/ (a named pipe, a looping or outward link, a folder loop, an oversize or binary file)
/// costs that entry, named with its reason, and never the build: the good articles still load, promptly. A bad
/// required file fails the build with its name, also promptly.
/// </summary>
public sealed class HostileCorpusTests : IDisposable
{
    /// <summary>A hang fails the test instead of blocking the run; a healthy build takes well under a second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempCorpus _corpus = new();
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _corpus.Dispose();
        _logs.Dispose();
    }

    private Task<KnowledgeBase> BuildAsync(long maxFileBytes = CorpusFileReader.DefaultMaxFileBytes) =>
        KnowledgeBases.Builder(null, _logs).BuildAsync(new CorpusLayout(_corpus.Root, maxFileBytes), CancellationToken.None).WaitAsync(Patience);

    private async Task AssertOnlyThatEntryIsSkippedAsync(string relativePath, string reason)
    {
        using var knowledge = await BuildAsync();

        var skipped = Assert.Single(knowledge.Skipped);
        Assert.Equal(_corpus.PathOf(relativePath), skipped.FilePath);
        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(CorpusLoader), StringComparison.Ordinal));
        Assert.Equal(_corpus.PathOf(relativePath), warning.Values["File"]);
        Assert.Equal(skipped.Reason, warning.Values["Reason"]);
        Assert.Contains(knowledge.Passages, p => p.LeadTerm == "Subcision");
        Assert.Equal(RepositoryRoot.ArticleIds(), knowledge.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [UnixFact]
    public Task A_named_pipe_called_like_an_article_costs_only_that_entry()
    {
        HostileEntries.Fifo(_corpus.PathOf("articles/pipe.md"));

        return AssertOnlyThatEntryIsSkippedAsync("articles/pipe.md", "not a regular file");
    }

    [UnixFact]
    public Task A_self_looping_link_costs_only_that_entry()
    {
        HostileEntries.SelfLoop(_corpus.PathOf("articles/loop.md"));

        return AssertOnlyThatEntryIsSkippedAsync("articles/loop.md", "link");
    }

    [UnixFact]
    public Task A_link_to_dev_zero_costs_only_that_entry_without_reading_it()
    {
        HostileEntries.Link(_corpus.PathOf("articles/zero.md"), "/dev/zero");

        return AssertOnlyThatEntryIsSkippedAsync("articles/zero.md", "outside the corpus folder");
    }

    [UnixFact]
    public Task A_link_to_a_file_outside_the_corpus_is_not_followed()
    {
        using var elsewhere = new TempFolder("skinbot-outside");
        var secret = elsewhere.Write("secret.md", "---\ntitle: Not for the bot\n---\n\nSecret text.\n");
        HostileEntries.Link(_corpus.PathOf("articles/secret.md"), secret);

        return AssertOnlyThatEntryIsSkippedAsync("articles/secret.md", "outside the corpus folder");
    }

    [UnixFact]
    public Task A_link_through_a_folder_link_that_leads_out_is_not_followed()
    {
        using var elsewhere = new TempFolder("skinbot-outside");
        elsewhere.Write("secret.md", "---\ntitle: Not for the bot\n---\n\nSecret text.\n");
        HostileEntries.Link(_corpus.PathOf("outside"), elsewhere.Path);
        HostileEntries.Link(_corpus.PathOf("articles/secret.md"), "../outside/secret.md");

        return AssertOnlyThatEntryIsSkippedAsync("articles/secret.md", "outside the corpus folder");
    }

    [UnixFact]
    public Task A_folder_link_looping_back_up_costs_only_that_entry()
    {
        HostileEntries.Link(_corpus.PathOf("articles/nested/up"), "..");

        return AssertOnlyThatEntryIsSkippedAsync("articles/nested/up", "folder");
    }

    [UnixFact]
    public async Task A_link_to_an_article_elsewhere_in_the_corpus_loads()
    {
        _corpus.Write("shared/extra.md", "---\ntitle: Extra\n---\n\n## Extras\n\nA paragraph about pitted scars.\n");
        HostileEntries.Link(_corpus.PathOf("articles/extra.md"), "../shared/extra.md");

        using var knowledge = await BuildAsync();

        Assert.Empty(knowledge.Skipped);
        Assert.Contains(knowledge.Articles, a => a.Id == "extra");
    }

    [Fact]
    public Task An_article_over_the_size_limit_costs_only_that_entry()
    {
        HostileEntries.Oversize(_corpus.PathOf("articles/huge.md"), CorpusFileReader.DefaultMaxFileBytes + 1);

        return AssertOnlyThatEntryIsSkippedAsync("articles/huge.md", "Engine:MaxCorpusFileBytes");
    }

    [Fact]
    public Task A_file_with_NUL_bytes_is_not_an_article()
    {
        File.WriteAllBytes(_corpus.PathOf("articles/image.md"), [.. "---\ntitle: x\n---\n\n"u8, 0, 1, 2, 0, .. "text"u8]);

        return AssertOnlyThatEntryIsSkippedAsync("articles/image.md", "binary");
    }

    [Fact]
    public Task A_file_that_is_not_UTF8_is_not_an_article()
    {
        File.WriteAllBytes(_corpus.PathOf("articles/latin1.txt"), [.. "Pitted scars "u8, 0xE9, 0xFF, 0xFE, .. " more text"u8]);

        return AssertOnlyThatEntryIsSkippedAsync("articles/latin1.txt", "UTF-8");
    }

    [Fact]
    public async Task A_UTF8_article_with_a_byte_order_mark_still_loads()
    {
        File.WriteAllBytes(_corpus.PathOf("articles/bom.md"), [.. Encoding.UTF8.GetPreamble(), .. "---\ntitle: With a BOM\n---\n\n## Part\n\nA paragraph about pitted scars.\n"u8]);

        using var knowledge = await BuildAsync();

        Assert.Empty(knowledge.Skipped);
        Assert.Equal("With a BOM", Assert.Single(knowledge.Articles, a => a.Id == "bom").Source.Title);
    }

    [UnixFact]
    public async Task A_named_pipe_in_place_of_safety_yml_fails_the_build_promptly_naming_it()
    {
        File.Delete(_corpus.Layout.SafetyFile);
        HostileEntries.Fifo(_corpus.Layout.SafetyFile);

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.Equal(_corpus.Layout.SafetyFile, error.FilePath);
        Assert.Contains("not a regular file", error.Reason, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task A_looping_link_in_place_of_intents_yml_fails_the_build_naming_it()
    {
        File.Delete(_corpus.Layout.IntentsFile);
        HostileEntries.SelfLoop(_corpus.Layout.IntentsFile);

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.Equal(_corpus.Layout.IntentsFile, error.FilePath);
    }

    [Fact]
    public async Task A_required_file_over_the_size_limit_fails_the_build_naming_it()
    {
        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync(maxFileBytes: 50_000));

        Assert.Contains(error.FilePath, new[] { _corpus.Layout.SafetyFile, _corpus.Layout.IntentsFile, _corpus.Layout.IntentExamplesFile, _corpus.Layout.TopicsFile });
        Assert.True(new FileInfo(error.FilePath).Length > 50_000, $"{error.FilePath} is the file over the limit");
        Assert.Contains("50,000", error.Reason, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task The_fingerprint_of_a_corpus_with_bad_entries_is_prompt_and_stable()
    {
        HostileEntries.Fifo(_corpus.PathOf("articles/pipe.md"));
        HostileEntries.SelfLoop(_corpus.PathOf("articles/loop.md"));
        HostileEntries.Link(_corpus.PathOf("articles/zero.md"), "/dev/zero");
        HostileEntries.Link(_corpus.PathOf("articles/nested/up"), "..");
        using var cleanCorpus = new TempCorpus();
        var clean = await cleanCorpus.Layout.FingerprintAsync(CancellationToken.None);

        var first = await _corpus.Layout.FingerprintAsync(CancellationToken.None).WaitAsync(Patience);
        var second = await _corpus.Layout.FingerprintAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(first, second);
        Assert.NotEqual(clean, first);
    }

    [UnixFact]
    public async Task Every_kind_of_bad_entry_at_once_still_loads_the_good_article_promptly()
    {
        HostileEntries.Fifo(_corpus.PathOf("articles/pipe.md"));
        HostileEntries.SelfLoop(_corpus.PathOf("articles/loop.md"));
        HostileEntries.Link(_corpus.PathOf("articles/zero.md"), "/dev/zero");
        HostileEntries.Link(_corpus.PathOf("articles/nested/up"), "..");
        HostileEntries.Link(_corpus.PathOf("articles/nested/again/down"), "../../nested");
        HostileEntries.Oversize(_corpus.PathOf("articles/huge.txt"), 2 * CorpusFileReader.DefaultMaxFileBytes);
        File.WriteAllBytes(_corpus.PathOf("articles/blob.html"), [0, 0, 0, 0]);

        using var knowledge = await BuildAsync();

        Assert.Equal(7, knowledge.Skipped.Count);
        Assert.Equal(RepositoryRoot.ArticleIds(), knowledge.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Contains(knowledge.Passages, p => p.LeadTerm == "Subcision");
    }
}

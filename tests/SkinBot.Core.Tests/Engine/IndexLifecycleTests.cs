using Microsoft.Extensions.Logging;
using SkinBot.Core.Corpus;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Search;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Engine;

/// <summary>
/// The persisted index: one folder per corpus fingerprint, reopened when nothing changed, rebuilt beside the old
/// one when something did; and the builder's handling of broken corpus folders.
/// </summary>
public sealed class IndexLifecycleTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _corpus.Dispose();
        _logs.Dispose();
    }

    private Task<KnowledgeBase> BuildAsync(string? indexRoot = null) =>
        KnowledgeBases.BuildAsync(_corpus.Root, indexRoot ?? _corpus.IndexRoot, _logs);

    /// <summary>The persisted folder of a fingerprint: "{fingerprint}-{code version}".</summary>
    private string IndexFolder(string fingerprint) =>
        Assert.Single(Directory.GetDirectories(_corpus.IndexRoot, fingerprint + "-*"));

    private void EditArticle() =>
        _corpus.Edit("articles/pockmarks.md", text => text.Replace("End of story.", "End of story, really.", StringComparison.Ordinal));

    [Fact]
    public async Task An_unchanged_corpus_reopens_its_persisted_index_without_rebuilding()
    {
        string fingerprint;
        using (var first = await BuildAsync())
        {
            Assert.True(first.Built);
            fingerprint = first.Fingerprint;
        }

        using var second = await BuildAsync();

        Assert.False(second.Built);
        Assert.Equal(fingerprint, second.Fingerprint);
        Assert.Equal(second.Passages.Count, second.Index.DocumentCount);
        Assert.Equal("Subcision", second.Index.Search(second.Analyzer.Terms("subcision"), null, 1)[0].Passage.LeadTerm);
        Assert.StartsWith(fingerprint + "-", Path.GetFileName(Assert.Single(Directory.GetDirectories(_corpus.IndexRoot))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_article_gets_a_new_fingerprint_and_a_rebuilt_index_and_the_old_folder_goes()
    {
        string before;
        using (var first = await BuildAsync())
        {
            before = first.Fingerprint;
        }

        EditArticle();
        using var second = await BuildAsync();

        Assert.True(second.Built);
        Assert.NotEqual(before, second.Fingerprint);
        Assert.Contains(second.Passages, p => p.Text.EndsWith("End of story, really.", StringComparison.Ordinal));
        Assert.StartsWith(second.Fingerprint + "-", Path.GetFileName(Assert.Single(Directory.GetDirectories(_corpus.IndexRoot))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synonyms.txt")]
    [InlineData("intents.yml")]
    [InlineData("intent-examples.yml")]
    public async Task Editing_synonyms_or_intents_also_changes_the_fingerprint(string file)
    {
        var before = await _corpus.Layout.FingerprintAsync(CancellationToken.None);

        _corpus.Edit(file, text => text + "\n# an editor's comment\n");
        var after = await _corpus.Layout.FingerprintAsync(CancellationToken.None);

        Assert.NotEqual(before, after);
        Assert.Matches("^[0-9a-f]{16}$", after);
    }

    [Fact]
    public async Task The_fingerprint_does_not_depend_on_where_the_corpus_lives()
    {
        using var other = new TempCorpus();

        var here = await _corpus.Layout.FingerprintAsync(CancellationToken.None);
        var there = await other.Layout.FingerprintAsync(CancellationToken.None);

        Assert.Equal(here, there);
    }

    [Fact]
    public async Task A_folder_left_without_its_completion_marker_is_rebuilt()
    {
        string fingerprint;
        using (var first = await BuildAsync())
        {
            fingerprint = first.Fingerprint;
        }

        File.Delete(Path.Combine(IndexFolder(fingerprint), "skinbot-index.complete"));
        using var second = await BuildAsync();

        Assert.True(second.Built);
        Assert.Equal(second.Passages.Count, second.Index.DocumentCount);
    }

    [Fact]
    public async Task A_persisted_index_with_the_wrong_passage_count_is_rebuilt()
    {
        using var analyzer = new SkinBotAnalyzer(null);
        var passages = (await new CorpusLoader(_logs.For<CorpusLoader>()).LoadAsync(_corpus.Layout.ArticlesDirectory, CancellationToken.None)).Passages;
        var store = new PassageIndexStore(_corpus.IndexRoot, _logs.For<PassageIndexStore>());
        store.Open("same", analyzer, passages.Take(3).ToList()).Index.Dispose();

        var (index, built) = store.Open("same", analyzer, passages);

        using (index)
        {
            Assert.True(built);
            Assert.Equal(passages.Count, index.DocumentCount);
        }
    }

    [Fact]
    public async Task An_in_memory_store_builds_every_time_and_writes_nothing()
    {
        using var first = await KnowledgeBases.BuildAsync(_corpus.Root, indexRoot: null);
        using var second = await KnowledgeBases.BuildAsync(_corpus.Root, indexRoot: null);

        Assert.True(first.Built);
        Assert.True(second.Built);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.False(Directory.Exists(_corpus.IndexRoot));
    }

    [Fact]
    public async Task A_broken_article_is_skipped_and_the_rest_still_builds()
    {
        _corpus.Write("articles/broken.md", "---\ntitle: [oops\n---\n\nText.\n");

        using var knowledge = await BuildAsync();

        var skipped = Assert.Single(knowledge.Skipped);
        Assert.EndsWith("broken.md", skipped.FilePath, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("broken.md", StringComparison.Ordinal));
        Assert.Contains(knowledge.Passages, p => p.LeadTerm == "Subcision");
    }

    [Fact]
    public async Task A_missing_corpus_folder_fails_the_build_with_a_reason()
    {
        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => KnowledgeBases.BuildAsync(Path.Combine(_corpus.Root, "missing")));

        Assert.Contains("does not exist", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_intents_file_fails_the_build_with_a_reason()
    {
        File.Delete(_corpus.Layout.IntentsFile);

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.Equal(_corpus.Layout.IntentsFile, error.FilePath);
    }

    [Fact]
    public async Task A_corpus_with_no_loadable_article_fails_the_build()
    {
        foreach (var article in Directory.GetFiles(_corpus.PathOf("articles"), "*.md"))
        {
            File.WriteAllText(article, string.Empty);
        }

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.Contains("nothing to answer from", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synonyms.txt", "box car => \n")]
    [InlineData("intents.yml", "intents: [broken\n")]
    [InlineData("intents.yml", "caveat: x\nintents:\n  -\n")]
    [InlineData("intent-examples.yml", "examples:\n  no_such_intent: [hello]\n")]
    public async Task A_broken_data_file_fails_the_build_with_a_format_error(string file, string content)
    {
        _corpus.Write(file, content);

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.EndsWith(file, error.FilePath, StringComparison.Ordinal);
    }

    /// <summary>
    /// safety.yml is read while the index is built, but a build with two broken files still reports the one that was
    /// read first when they were read one after another: topics.yml before safety.yml, safety.yml before the rest.
    /// </summary>
    [Theory]
    [InlineData("topics.yml", "topics: [broken\n", "topics.yml")]
    [InlineData("intents.yml", "intents: [broken\n", "safety.yml")]
    [InlineData("safety-examples.yml", "crisis: [broken\n", "safety.yml")]
    public async Task With_safety_yml_broken_too_the_file_read_first_is_reported(string file, string content, string reported)
    {
        _corpus.Write("safety.yml", "tiers: [broken\n");
        _corpus.Write(file, content);

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.EndsWith(reported, error.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_safety_yml_is_reported_before_a_corpus_with_no_loadable_article()
    {
        _corpus.Write("safety.yml", "tiers: [broken\n");
        foreach (var article in Directory.GetFiles(_corpus.PathOf("articles"), "*.md"))
        {
            File.WriteAllText(article, string.Empty);
        }

        var error = await Assert.ThrowsAsync<CorpusFormatException>(() => BuildAsync());

        Assert.Equal(_corpus.Layout.SafetyFile, error.FilePath);
    }

    [Fact]
    public async Task An_intent_naming_a_section_the_corpus_lacks_is_logged()
    {
        _corpus.Edit("intents.yml", text => text.Replace("sections: [prevention, bottom-line]", "sections: [prevention, bottom-line, no-such-section]", StringComparison.Ordinal));

        using var knowledge = await BuildAsync();

        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("no-such-section", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_build_stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => KnowledgeBases.BuildAsync(_corpus.Root, null, _logs, cancelled.Token));
    }

    [Fact]
    public async Task A_damaged_persisted_index_is_rebuilt_instead_of_failing_every_start()
    {
        string fingerprint;
        using (var first = await BuildAsync())
        {
            fingerprint = first.Fingerprint;
        }

        foreach (var file in Directory.GetFiles(IndexFolder(fingerprint), "*.fnm", SearchOption.AllDirectories))
        {
            File.WriteAllBytes(file, []);
        }

        using var second = await BuildAsync();

        Assert.True(second.Built);
        Assert.Equal("Subcision", second.Index.Search(second.Analyzer.Terms("subcision"), null, 1)[0].Passage.LeadTerm);
    }

    [Fact]
    public async Task An_article_with_an_empty_front_matter_block_loads()
    {
        _corpus.Write("articles/empty-front-matter.md", "---\n---\n# A title\n\nA paragraph about pitted scars.\n");

        using var knowledge = await BuildAsync();

        Assert.Contains(knowledge.Passages, p => p.ArticleId == "empty-front-matter");
    }

    [Fact]
    public async Task Two_files_with_the_same_article_id_keep_the_first_and_skip_the_second_by_name()
    {
        _corpus.Write("articles/zz-copies/pockmarks.md", "---\ntitle: A copy\n---\n\nA paragraph.\n");

        using var knowledge = await BuildAsync();

        var skipped = Assert.Single(knowledge.Skipped);
        Assert.EndsWith(Path.Combine("zz-copies", "pockmarks.md"), skipped.FilePath, StringComparison.Ordinal);
        Assert.Contains("already used", skipped.Reason, StringComparison.Ordinal);
        Assert.NotEqual("A copy", Assert.Single(knowledge.Articles, a => a.Id == "pockmarks").Source.Title);
    }
}

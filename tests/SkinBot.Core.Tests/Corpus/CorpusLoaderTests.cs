using Microsoft.Extensions.Logging;
using SkinBot.Core.Corpus;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>A folder of articles in every supported format; a broken file is skipped, named and explained.</summary>
public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new("skinbot-articles");
    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        _folder.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task Markdown_text_and_html_articles_load_side_by_side()
    {
        File.Copy(Fixtures.CuratedArticlePath, _folder.Combine("pockmarks.md"));
        File.Copy(Fixtures.PathOf(Fixtures.RawScrape), _folder.Combine("scrape.txt"));
        Directory.CreateDirectory(_folder.Combine("nested"));
        File.Copy(Fixtures.PathOf(Fixtures.HtmlPage), _folder.Combine("nested", "page.html"));
        _folder.Write("notes.json", "{}");
        _folder.Write(".hidden.md", "# Hidden\n\nAn editor's backup.");

        var corpus = await new CorpusLoader(_logs.For<CorpusLoader>()).LoadAsync(_folder.Path, CancellationToken.None);

        Assert.Equal(["page", "pockmarks", "scrape"], corpus.Articles.Select(a => a.Id).Order());
        Assert.Empty(corpus.Skipped);
        Assert.Equal(Enumerable.Range(0, corpus.Passages.Count), corpus.Passages.Select(p => p.Ordinal));
        Assert.Equal(corpus.Passages.Count, corpus.Passages.Select(p => p.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("bad-yaml.md", "---\ntitle: [unclosed\nexpert: Someone\n---\n\nBody text.\n", "not valid YAML")]
    [InlineData("unterminated.md", "---\ntitle: Never closed\n\nBody text.\n", "never ends")]
    [InlineData("empty.md", "", "no title")]
    [InlineData("empty.txt", "", "empty")]
    [InlineData("empty.html", "", "title")]
    public async Task A_broken_file_is_skipped_with_a_warning_naming_it_while_the_others_load(string fileName, string content, string reason)
    {
        File.Copy(Fixtures.CuratedArticlePath, _folder.Combine("pockmarks.md"));
        File.Copy(Fixtures.PathOf(Fixtures.RawScrape), _folder.Combine("scrape.txt"));
        var broken = _folder.Write(fileName, content);

        var corpus = await new CorpusLoader(_logs.For<CorpusLoader>()).LoadAsync(_folder.Path, CancellationToken.None);

        Assert.Equal(["pockmarks", "scrape"], corpus.Articles.Select(a => a.Id).Order());
        var skipped = Assert.Single(corpus.Skipped);
        Assert.Equal(broken, skipped.FilePath);
        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(fileName, warning.Message, StringComparison.Ordinal);
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Equal(broken, warning.Values["File"]);
    }

    [Fact]
    public async Task Every_broken_file_gets_its_own_warning()
    {
        File.Copy(Fixtures.CuratedArticlePath, _folder.Combine("pockmarks.md"));
        _folder.Write("one.md", "---\ntitle: [\n---\n");
        _folder.Write("two.txt", "   ");

        var corpus = await new CorpusLoader(_logs.For<CorpusLoader>()).LoadAsync(_folder.Path, CancellationToken.None);

        Assert.Single(corpus.Articles);
        Assert.Equal(2, corpus.Skipped.Count);
        var warnings = _logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("one.md", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("two.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_folder_loads_nothing_rather_than_throwing()
    {
        var corpus = await new CorpusLoader(_logs.For<CorpusLoader>()).LoadAsync(_folder.Combine("missing"), CancellationToken.None);

        Assert.Empty(corpus.Articles);
        Assert.Empty(corpus.Passages);
    }

    [Fact]
    public async Task Two_files_with_the_same_id_are_indexed_once()
    {
        File.Copy(Fixtures.CuratedArticlePath, _folder.Combine("pockmarks.md"));
        File.Copy(Fixtures.PathOf(Fixtures.RawScrape), _folder.Combine("pockmarks.txt"));

        var corpus = await new CorpusLoader(_logs.For<CorpusLoader>()).LoadAsync(_folder.Path, CancellationToken.None);

        Assert.Equal(corpus.Passages.Count, corpus.Passages.Select(p => p.Id).Distinct().Count());
    }
}

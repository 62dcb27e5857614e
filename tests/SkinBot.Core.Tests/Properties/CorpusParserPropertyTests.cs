using System.Text;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using SkinBot.Core.Corpus;
using SkinBot.Testing;
using SkinBot.Testing.Hostile;

namespace SkinBot.Core.Tests.Properties;

/// <summary>
/// Article files are edited by people: any text either loads as an article whose passages split, or is refused with a
/// <see cref="CorpusFormatException"/> naming the file. Any other exception would be a parser bug the loader hides.
/// </summary>
public sealed class CorpusParserPropertyTests
{
    /// <summary>Lines that mean something to the Markdown, front-matter, raw-text or HTML parsers.</summary>
    private static readonly Gen<string> ArticleLine = Gen.OneOf(
        Gen.OneOf(
            "---", "title: Pockmarks", "title: [unclosed", "url: https://example.org/x", "expert: Rachel Maiman, MD", "editor_notes:", "  - fixed",
            "editor_notes: 5", "title: !!binary AAAA", "&anchor title: *alias", "? complex key", "{", "title: |", "  block", "\t- tab",
            "# Pockmarks", "## Types {#types}", "### Boxcar {#}", "#### Deep", "####### Too deep", "## {#only-anchor}", "##", "#",
            "- Retinol: your best bet.", "* bullet", "1. numbered", "- ", "Boxcar scars (broad, sunken) are common.", "> quote",
            "<html><body><h2>Types</h2><p>Boxcar</p><ul><li>Retinol: yes</li></ul>", "<h1>", "</p>", "<script>x</script>", "<!--",
            "This content is created and maintained by a third party", "Advertisement", string.Empty, " ", "\r", "\u0000", "\uFEFF", "\uD83D"),
        HostileText.Message);

    private static readonly Gen<string> ArticleText = Gen.Frequency(
        (4, ArticleLine.Array[0, 40].Select(lines => string.Join('\n', lines))),
        (1, Gen.String));

    [Fact]
    public void Any_markdown_loads_or_is_refused_with_a_reason()
    {
        ArticleText.Sample(text => AssertLoadsOrRefused(() => MarkdownArticleParser.Parse("articles/fuzz.md", text)),
            iter: PropertyRuns.Iterations(3_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void Any_front_matter_splits_or_is_refused_with_a_reason()
    {
        ArticleText.Sample(text =>
        {
            var exception = Record.Exception(() => FrontMatter.Split("articles/fuzz.md", "---\n" + text));
            Assert.True(exception is null or CorpusFormatException, $"{exception?.GetType().Name}: {exception?.Message}");
        }, iter: PropertyRuns.Iterations(3_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void Any_raw_text_loads_or_is_refused_with_a_reason()
    {
        ArticleText.Sample(text => AssertLoadsOrRefused(() => RawTextArticleParser.Parse("articles/fuzz.txt", text)),
            iter: PropertyRuns.Iterations(2_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void Any_html_loads_or_is_refused_with_a_reason()
    {
        ArticleText.Sample(text => AssertLoadsOrRefused(() => HtmlArticleParser.Parse("articles/fuzz.html", text)),
            iter: PropertyRuns.Iterations(1_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public async Task A_folder_of_arbitrary_files_loads_what_it_can_and_names_what_it_skipped()
    {
        // Files on disk are bytes: text (lone surrogates become U+FFFD, as an editor would save them) or raw bytes.
        var contents = Gen.Frequency((4, ArticleText.Select(text => Encoding.UTF8.GetBytes(text))), (1, Gen.Byte.Array[0, 512]));
        var files = Gen.Select(Gen.OneOf(".md", ".txt", ".html", ".markdown"), contents).Array[1, 4];
        await files.SampleAsync(async generated =>
        {
            using var folder = new TempFolder("skinbot-fuzz-corpus");
            for (var i = 0; i < generated.Length; i++)
            {
                await File.WriteAllBytesAsync(folder.Combine($"article-{i}{generated[i].Item1}"), generated[i].Item2);
            }

            var loaded = await new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadAsync(folder.Path, CancellationToken.None);

            Assert.Equal(generated.Length, loaded.Articles.Count + loaded.Skipped.Count);
            // A parser bug is reported as "could not be parsed (SomeException: ...)"; a refusal says what is wrong instead.
            Assert.All(loaded.Skipped, skipped => Assert.DoesNotContain("could not be parsed", skipped.Reason, StringComparison.Ordinal));
        }, iter: PropertyRuns.Iterations(100), seed: PropertyRuns.Seed, threads: 1);
    }

    private static void AssertLoadsOrRefused(Func<ArticleDocument> parse)
    {
        ArticleDocument article;
        try
        {
            article = parse();
        }
        catch (CorpusFormatException)
        {
            return;
        }

        var passages = PassageSplitter.Split(article, 0);
        Assert.All(passages, passage => Assert.False(string.IsNullOrWhiteSpace(passage.Text)));
    }
}

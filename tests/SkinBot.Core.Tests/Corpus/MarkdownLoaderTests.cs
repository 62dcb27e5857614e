using SkinBot.Core.Corpus;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>The curated article in corpus/ and the Markdown shapes the parser supports.</summary>
public sealed class MarkdownLoaderTests
{
    private static readonly string CuratedText = File.ReadAllText(Fixtures.CuratedArticlePath);
    private static readonly ArticleDocument Curated = MarkdownArticleParser.Parse(Fixtures.CuratedArticlePath, CuratedText);
    private static readonly IReadOnlyList<Passage> Passages = PassageSplitter.Split(Curated, 0);

    private static readonly string[] AtHome = ["Retinol", "Alpha hydroxy acids", "Vitamin C", "Dermarolling", "Prescription retinoids"];

    private static readonly string[] InOffice =
        ["Microneedling with radiofrequency", "Laser", "Chemical peels", "Surgical scar revision", "Subcision", "Others"];

    [Fact]
    public void The_front_matter_carries_title_expert_retrieval_date_and_editor_notes()
    {
        var (frontMatter, body) = FrontMatter.Split(Fixtures.CuratedArticlePath, CuratedText);

        Assert.Equal("Yep, You Actually Can Improve Your Pockmarks", frontMatter.Title);
        Assert.Equal("Rachel Maiman, MD", frontMatter.Expert);
        Assert.False(string.IsNullOrWhiteSpace(frontMatter.ExpertRole));
        Assert.False(string.IsNullOrWhiteSpace(frontMatter.Source));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", frontMatter.Retrieved);
        Assert.NotEmpty(frontMatter.EditorNotes);
        Assert.DoesNotContain("editor_notes", body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_editor_note_records_that_the_in_office_heading_was_restored()
    {
        var (frontMatter, _) = FrontMatter.Split(Fixtures.CuratedArticlePath, CuratedText);

        Assert.Contains(frontMatter.EditorNotes, n => n.Contains("in-office", StringComparison.OrdinalIgnoreCase) && n.Contains("heading", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_citation_comes_from_the_front_matter_and_blank_fields_stay_empty()
    {
        Assert.Equal("pockmarks", Curated.Id);
        Assert.Equal("Yep, You Actually Can Improve Your Pockmarks", Curated.Source.Title);
        Assert.Equal("Rachel Maiman, MD", Curated.Source.Expert);
        Assert.Null(Curated.Source.Publisher);
        Assert.Null(Curated.Source.Url);
    }

    [Fact]
    public void Anchored_headings_keep_their_ids_and_lose_the_anchor_syntax()
    {
        var headings = Curated.Blocks.Where(b => b.Kind == BlockKind.Heading).ToList();

        Assert.Contains(headings, h => h.AnchorId == "what-are-pockmarks" && h.Text == "What is the meaning of pockmarks?" && h.Level == 2);
        Assert.Contains(headings, h => h.AnchorId == "scar-types" && h.Text == "Three main types of pockmarks" && h.Level == 3);
        Assert.Contains(headings, h => h.AnchorId == "treatments-in-office" && h.Level == 3);
        Assert.DoesNotContain(headings, h => h.Text.Contains('{') || h.Text.Contains('#'));
    }

    [Fact]
    public void The_in_office_section_exists_and_lists_the_procedures()
    {
        var inOffice = Passages.Where(p => p.SectionId == "treatments-in-office").Select(p => p.LeadTerm).ToList();

        Assert.Equal(InOffice, inOffice);
        Assert.All(Passages.Where(p => p.SectionId == "treatments-in-office"), p =>
            Assert.Equal(["How do you fill in pitted acne scars?", "In-office treatments for pockmarks", p.LeadTerm!], p.SectionPath));
    }

    [Fact]
    public void The_at_home_section_lists_retinol_to_prescription_retinoids_and_none_of_the_in_office_procedures()
    {
        var atHome = Passages.Where(p => p.SectionId == "treatments-at-home").ToList();

        Assert.Equal(AtHome, atHome.Select(p => p.LeadTerm));
        Assert.DoesNotContain(atHome, p => InOffice.Contains(p.LeadTerm));
        Assert.DoesNotContain(atHome, p => p.Text.Contains("Subcision", StringComparison.OrdinalIgnoreCase) || p.Text.Contains("laser", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_embed_notices_of_the_scrape_are_not_in_the_curated_article()
    {
        Assert.DoesNotContain(Passages, p => p.Text.Contains("{embed-name}", StringComparison.Ordinal) || p.Text.Contains("third party", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Without_a_front_matter_title_the_first_level_one_heading_is_the_title()
    {
        const string text = """
            # My article

            ## Section one

            A paragraph that runs
            over two lines.

            * star bullet
            + plus bullet
            1. numbered bullet
            2) another numbered bullet
            """;

        var article = MarkdownArticleParser.Parse("/corpus/articles/My Article.md", text);

        Assert.Equal("My article", article.Source.Title);
        Assert.Equal("my-article", article.Id);
        Assert.Collection(
            article.Blocks,
            b => Assert.Equal((BlockKind.Heading, "Section one", 2, (string?)null), (b.Kind, b.Text, b.Level, b.AnchorId)),
            b => Assert.Equal((BlockKind.Paragraph, "A paragraph that runs over two lines."), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Bullet, "star bullet"), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Bullet, "plus bullet"), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Bullet, "numbered bullet"), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Bullet, "another numbered bullet"), (b.Kind, b.Text)));
    }

    [Fact]
    public void A_markdown_file_without_any_title_is_a_format_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => MarkdownArticleParser.Parse("untitled.md", "Just a paragraph.\n"));

        Assert.Contains("no title", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_that_never_closes_is_a_format_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => MarkdownArticleParser.Parse("open.md", "---\ntitle: Open\n\n# Body\n\nText.\n"));

        Assert.Contains("never ends", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_is_a_format_error_naming_the_line()
    {
        var error = Assert.Throws<CorpusFormatException>(() => MarkdownArticleParser.Parse("bad.md", "---\ntitle: [unclosed\nexpert: x\n---\n\nText.\n"));

        Assert.Equal("bad.md", error.FilePath);
        Assert.Contains("not valid YAML", error.Reason, StringComparison.Ordinal);
        Assert.Contains("line", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_furniture_in_markdown_is_dropped()
    {
        const string text = """
            # Title

            This content is imported from {embed-name}. You may be able to find the same content elsewhere.

            A real paragraph.

            - This content is created and maintained by a third party, and imported onto this page.
            """;

        var article = MarkdownArticleParser.Parse("furniture.md", text);

        Assert.Equal("A real paragraph.", Assert.Single(article.Blocks).Text);
    }
}

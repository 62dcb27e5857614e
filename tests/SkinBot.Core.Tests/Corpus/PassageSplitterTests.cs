using SkinBot.Core.Corpus;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>Passages: one per paragraph or bullet, each knowing its id, section path and lead term.</summary>
public sealed class PassageSplitterTests
{
    private static readonly ArticleDocument Curated =
        MarkdownArticleParser.Parse(Fixtures.CuratedArticlePath, File.ReadAllText(Fixtures.CuratedArticlePath));

    private static readonly SourceInfo Source = new("T", null, null, null);

    [Fact]
    public void There_is_one_passage_per_paragraph_or_bullet()
    {
        var passages = PassageSplitter.Split(Curated, 0);
        var blocks = Curated.Blocks.Where(b => b.Kind != BlockKind.Heading).ToList();

        Assert.Equal(blocks.Count, passages.Count);
        Assert.Equal(blocks.Select(b => (b.Kind, b.Text)), passages.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void Ids_are_the_article_id_and_a_position_within_the_article()
    {
        var passages = PassageSplitter.Split(Curated, 100);

        Assert.Equal(Enumerable.Range(1, passages.Count).Select(i => $"pockmarks#{i}"), passages.Select(p => p.Id));
        Assert.Equal(Enumerable.Range(100, passages.Count), passages.Select(p => p.Ordinal));
        Assert.All(passages, p => Assert.Equal("pockmarks", p.ArticleId));
        Assert.All(passages, p => Assert.Same(Curated.Source, p.Source));
    }

    [Fact]
    public void Text_before_the_first_heading_is_the_introduction()
    {
        var first = PassageSplitter.Split(Curated, 0)[0];

        Assert.Equal(["Introduction"], first.SectionPath);
        Assert.Equal(PassageSplitter.IntroductionSectionId, first.SectionId);
    }

    [Theory]
    [InlineData("Retinol", "treatments-at-home", new[] { "How do you fill in pitted acne scars?", "At-home treatments for pockmarks", "Retinol" })]
    [InlineData("Subcision", "treatments-in-office", new[] { "How do you fill in pitted acne scars?", "In-office treatments for pockmarks", "Subcision" })]
    [InlineData("Boxcar scars", "scar-types", new[] { "What is the meaning of pockmarks?", "Three main types of pockmarks", "Boxcar scars" })]
    public void A_bullet_with_a_lead_term_ends_its_section_path_with_that_term(string lead, string section, string[] path)
    {
        var passage = Assert.Single(PassageSplitter.Split(Curated, 0), p => p.LeadTerm == lead);

        Assert.Equal(path, passage.SectionPath);
        Assert.Equal(section, passage.SectionId);
        Assert.True(passage.IsInSection("treatments") == section.StartsWith("treatments", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paragraph_has_no_lead_term_and_a_path_of_headings_only()
    {
        var passage = PassageSplitter.Split(Curated, 0).First(p => p.SectionId == "permanence");

        Assert.Null(passage.LeadTerm);
        Assert.Equal(["Are pockmarks permanent or can you get rid of them?"], passage.SectionPath);
        Assert.Equal(BlockKind.Paragraph, passage.Kind);
    }

    [Fact]
    public void A_new_heading_closes_deeper_headings_but_keeps_shallower_ones()
    {
        var article = new ArticleDocument("a", "a.md", Source,
        [
            new(BlockKind.Heading, "One", 2),
            new(BlockKind.Heading, "One A", 3),
            new(BlockKind.Heading, "One A i", 4),
            new(BlockKind.Paragraph, "deep"),
            new(BlockKind.Heading, "One B", 3),
            new(BlockKind.Paragraph, "sibling"),
            new(BlockKind.Heading, "Two", 2, "second"),
            new(BlockKind.Paragraph, "top"),
        ]);

        var passages = PassageSplitter.Split(article, 0);

        Assert.Equal(["One", "One A", "One A i"], passages[0].SectionPath);
        Assert.Equal(["one", "one-a", "one-a-i"], passages[0].SectionIds);
        Assert.Equal(["One", "One B"], passages[1].SectionPath);
        Assert.Equal(["Two"], passages[2].SectionPath);
        Assert.Equal(["second"], passages[2].SectionIds);
    }

    [Theory]
    [InlineData("Retinol: Your best bet, according to Dr. Maiman, is retinol.", "Retinol")]
    [InlineData("Microneedling with radiofrequency: One of the favourites.", "Microneedling with radiofrequency")]
    [InlineData("boxcar scars (broad, sunken depressions with well-defined edges)", "Boxcar scars")]
    [InlineData("ice pick scars (small, narrow, and deep)", "Ice pick scars")]
    [InlineData("According to Dr. Maiman, the term describes a scar: a hollow one.", null)]
    [InlineData("A sentence that goes on for far too long to be a term before its colon: and then more.", null)]
    [InlineData("No lead at all here.", null)]
    public void Lead_terms_are_short_names_before_a_colon_or_a_parenthesis(string text, string? lead)
    {
        Assert.Equal(lead, PassageSplitter.LeadTermOf(text));
    }

    [Fact]
    public void Paragraphs_never_get_a_lead_term_even_if_they_start_with_one()
    {
        var article = new ArticleDocument("a", "a.md", Source, [new(BlockKind.Paragraph, "Note: this is a paragraph.")]);

        Assert.Null(Assert.Single(PassageSplitter.Split(article, 0)).LeadTerm);
    }

    [Theory]
    [InlineData("Pockmarks & Pitted Scars!", "pockmarks-pitted-scars")]
    [InlineData("  At-home treatments for pockmarks ", "at-home-treatments-for-pockmarks")]
    [InlineData("Notes_on/Scars 2024", "notes-on-scars-2024")]
    public void Section_slugs_are_lower_case_ascii_with_dashes(string heading, string slug)
    {
        Assert.Equal(slug, ArticleIds.Slug(heading));
    }

    [Fact]
    public void Accented_letters_in_a_heading_fold_to_ascii_in_its_slug()
    {
        Assert.Equal("cafe-creme", ArticleIds.Slug("Café Crème"));
    }
}

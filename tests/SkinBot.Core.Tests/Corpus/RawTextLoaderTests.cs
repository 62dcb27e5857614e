using SkinBot.Core.Corpus;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>The raw scrape (a copy kept in Fixtures/) loads as an article: title, sections, bullets, no page furniture.</summary>
public sealed class RawTextLoaderTests
{
    private static readonly ArticleDocument Scrape =
        RawTextArticleParser.Parse(Fixtures.PathOf(Fixtures.RawScrape), Fixtures.Read(Fixtures.RawScrape));

    private static IEnumerable<ArticleBlock> Headings => Scrape.Blocks.Where(b => b.Kind == BlockKind.Heading);

    [Fact]
    public void The_first_line_of_the_scrape_is_the_title()
    {
        Assert.Equal("Yep, You Actually Can Improve Your Pockmarks", Scrape.Source.Title);
        Assert.Equal("pockmarks-article-raw", Scrape.Id);
    }

    [Fact]
    public void Question_lines_become_sections_even_when_indented()
    {
        var sections = Headings.Where(h => h.Level == 2).Select(h => h.Text).ToList();

        Assert.Equal(
            [
                "What is the meaning of pockmarks?",
                "How do you prevent pockmarks?",
                "Are pockmarks permanent or can you get rid of them?",
                "How do you fill in pitted acne scars?",
            ],
            sections);
    }

    [Fact]
    public void Short_label_lines_become_sub_sections_without_their_colon()
    {
        var subSections = Headings.Where(h => h.Level == 3).Select(h => h.Text).ToList();

        Assert.Equal(["Three main types of pockmarks", "At-home treatments for pockmarks"], subSections);
    }

    [Fact]
    public void Each_bullet_becomes_its_own_bullet_block_without_the_bullet_sign()
    {
        var bullets = Scrape.Blocks.Where(b => b.Kind == BlockKind.Bullet).Select(b => b.Text).ToList();

        // Three scar types, then the eleven treatments the scrape ran together in one list.
        Assert.Equal(14, bullets.Count);
        Assert.StartsWith("ice pick scars (small, narrow, and deep", bullets[0]);
        Assert.StartsWith("boxcar scars (broad, sunken depressions", bullets[1]);
        Assert.StartsWith("Retinol: Your best bet", bullets[3]);
        Assert.StartsWith("Others: Dermabrasion", bullets[^1]);
        Assert.DoesNotContain(bullets, b => b.StartsWith('•') || b.StartsWith(' '));
    }

    [Fact]
    public void Indented_paragraphs_are_read_as_paragraphs_with_their_indentation_removed()
    {
        var paragraphs = Scrape.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();

        Assert.Contains(paragraphs, p => p.StartsWith("All pockmark scars are caused by collagen damage", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Pitted scars are, by definition, scars", StringComparison.Ordinal));
        Assert.All(paragraphs, p => Assert.Equal(p.Trim(), p));
        Assert.All(paragraphs, p => Assert.DoesNotContain("  ", p));
    }

    [Fact]
    public void The_scrape_keeps_the_articles_wording()
    {
        var last = Scrape.Blocks[^1];

        Assert.Equal(BlockKind.Paragraph, last.Kind);
        Assert.StartsWith("The best way to prevent pockmarks is by getting a dermatologist involved early", last.Text);
        Assert.EndsWith("End of story.", last.Text);
    }

    [Fact]
    public void Embed_notices_and_third_party_boilerplate_are_dropped()
    {
        Assert.DoesNotContain(Scrape.Blocks, b => b.Text.Contains("{embed-name}", StringComparison.Ordinal));
        Assert.DoesNotContain(Scrape.Blocks, b => b.Text.Contains("created and maintained by a third party", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Scrape.Blocks, b => b.Text.Contains("You may be able to find", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_paragraph_whose_lines_drift_in_and_out_is_joined_into_one_block()
    {
        const string text = """
            A title

              First line of a paragraph that
                  drifts to the right on its second line
            and back to the margin on its third.

                • A bullet that starts indented
            •Another bullet with no space after the sign
            """;

        var article = RawTextArticleParser.Parse("drift.txt", text);

        Assert.Equal("A title", article.Source.Title);
        Assert.Collection(
            article.Blocks,
            b =>
            {
                Assert.Equal(BlockKind.Paragraph, b.Kind);
                Assert.Equal("First line of a paragraph that drifts to the right on its second line and back to the margin on its third.", b.Text);
            },
            b => Assert.Equal((BlockKind.Bullet, "A bullet that starts indented"), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Bullet, "Another bullet with no space after the sign"), (b.Kind, b.Text)));
    }

    [Fact]
    public void Invisible_characters_and_non_breaking_spaces_from_the_scrape_are_cleaned()
    {
        var article = RawTextArticleParser.Parse("nbsp.txt", "Title\n\nPockmarks\u00A0are\u200B scars.\uFEFF Really.");

        Assert.Equal("Pockmarks are scars. Really.", Assert.Single(article.Blocks).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \n")]
    public void An_empty_text_file_is_a_format_error(string text)
    {
        var error = Assert.Throws<CorpusFormatException>(() => RawTextArticleParser.Parse("empty.txt", text));

        Assert.Equal("empty.txt", error.FilePath);
        Assert.Contains("empty", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_text_file_with_only_a_title_is_a_format_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => RawTextArticleParser.Parse("title-only.txt", "Just a title\n"));

        Assert.Contains("no paragraphs", error.Reason, StringComparison.Ordinal);
    }
}

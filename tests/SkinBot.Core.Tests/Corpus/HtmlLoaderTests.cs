using SkinBot.Core.Corpus;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>A saved web page loads as its article text only: headings, paragraphs, list items.</summary>
public sealed class HtmlLoaderTests
{
    private static readonly ArticleDocument Page = HtmlArticleParser.Parse(Fixtures.PathOf(Fixtures.HtmlPage), Fixtures.Read(Fixtures.HtmlPage));

    private static string AllText => string.Join('\n', Page.Blocks.Select(b => b.Text));

    [Fact]
    public void The_page_title_is_its_first_h1()
    {
        Assert.Equal("Pockmarks, explained", Page.Source.Title);
        Assert.Equal("page-with-furniture", Page.Id);
    }

    [Fact]
    public void Headings_paragraphs_and_list_items_are_read_in_order()
    {
        Assert.Collection(
            Page.Blocks,
            b => Assert.Equal((BlockKind.Paragraph, "Pockmarks are indented scars left behind by inflamed acne."), (b.Kind, b.Text)),
            b =>
            {
                Assert.Equal((BlockKind.Heading, "Types of pockmarks", 2), (b.Kind, b.Text, b.Level));
                Assert.Equal("types-of-scars", b.AnchorId);
            },
            b => Assert.Equal((BlockKind.Bullet, "Ice pick scars (narrow and deep)"), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Bullet, "Boxcar scars (broad with sharp edges)"), (b.Kind, b.Text)),
            b => Assert.Equal((BlockKind.Heading, "What helps", 3), (b.Kind, b.Text, b.Level)),
            b => Assert.Equal((BlockKind.Paragraph, "Retinol: it helps & so does patience."), (b.Kind, b.Text)));
    }

    [Theory]
    [InlineData("Home")]
    [InlineData("Newsletter")]
    [InlineData("analytics")]
    [InlineData("trackPageView")]
    [InlineData(".hero")]
    [InlineData("{embed-name}")]
    [InlineData("Watch the video")]
    [InlineData("third party")]
    [InlineData("Related:")]
    [InlineData("Photo")]
    [InlineData("Subscribe")]
    [InlineData("All rights reserved")]
    public void Navigation_scripts_embeds_asides_forms_and_footers_are_dropped(string furniture)
    {
        Assert.DoesNotContain(furniture, AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Passages_of_an_html_page_know_their_section_and_lead_terms()
    {
        var passages = PassageSplitter.Split(Page, 0);

        Assert.Equal(4, passages.Count);
        Assert.Equal(["Types of pockmarks", "Ice pick scars"], passages[1].SectionPath);
        Assert.Equal("types-of-scars", passages[1].SectionId);
        Assert.Equal(["Types of pockmarks", "What helps"], passages[3].SectionPath);
        Assert.Null(passages[3].LeadTerm);
    }

    [Fact]
    public void An_article_element_limits_the_text_to_the_article()
    {
        const string html = """
            <html><head><title>Fallback title</title></head><body>
            <div class="sidebar"><p>Trending: celebrity skincare secrets</p></div>
            <article><p>Pockmarks are pitted acne scars.</p></article>
            </body></html>
            """;

        var page = HtmlArticleParser.Parse("article.html", html);

        Assert.Equal("Fallback title", page.Source.Title);
        Assert.Equal("Pockmarks are pitted acne scars.", Assert.Single(page.Blocks).Text);
    }

    [Fact]
    public void A_page_without_any_title_is_a_format_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => HtmlArticleParser.Parse("untitled.html", "<html><body><p>Text.</p></body></html>"));

        Assert.Contains("<title>", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_with_only_headings_is_a_format_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => HtmlArticleParser.Parse("headings.html", "<html><body><h1>T</h1><h2>Only a heading</h2></body></html>"));

        Assert.Contains("no paragraphs", error.Reason, StringComparison.Ordinal);
    }
}

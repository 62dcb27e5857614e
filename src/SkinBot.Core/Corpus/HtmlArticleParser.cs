using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads a saved web page: h2–h6 become sections, p and li become passages; navigation, scripts,
/// embeds, asides and page furniture are dropped. The title is the first h1, else &lt;title&gt;.
/// </summary>
public static class HtmlArticleParser
{
    private static readonly string[] Dropped =
        ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button", "figure", "template"];

    public static ArticleDocument Parse(string filePath, string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }

        var root = (IElement?)document.QuerySelector("article") ?? document.Body
            ?? throw new CorpusFormatException(filePath, "the page has no body");
        var title = TextOf(document.QuerySelector("h1")) is { Length: > 0 } h1 ? h1 : TextCleaner.Clean(document.Title ?? string.Empty);
        if (title.Length == 0)
        {
            throw new CorpusFormatException(filePath, "the page has neither an <h1> nor a <title>");
        }

        var blocks = new List<ArticleBlock>();
        foreach (var element in root.QuerySelectorAll("h2, h3, h4, h5, h6, p, li"))
        {
            // A <p> inside an <li> is read with its list item.
            if (element.LocalName == "p" && element.Closest("li") is not null)
            {
                continue;
            }

            var text = TextOf(element);
            if (text.Length == 0 || PageFurniture.IsFurniture(text))
            {
                continue;
            }

            blocks.Add(element.LocalName switch
            {
                "li" => new ArticleBlock(BlockKind.Bullet, text),
                "p" => new ArticleBlock(BlockKind.Paragraph, text),
                var h => new ArticleBlock(BlockKind.Heading, text.TrimEnd(':').TrimEnd(), h[1] - '0', element.Id is { Length: > 0 } id ? ArticleIds.Slug(id) : null),
            });
        }

        if (!blocks.Any(b => b.Kind != BlockKind.Heading))
        {
            throw new CorpusFormatException(filePath, "no paragraphs or list items found");
        }

        return new ArticleDocument(ArticleIds.FromPath(filePath), filePath, new SourceInfo(title, null, null, null), blocks);
    }

    private static string TextOf(IElement? element) => element is null ? string.Empty : TextCleaner.Clean(element.TextContent);
}

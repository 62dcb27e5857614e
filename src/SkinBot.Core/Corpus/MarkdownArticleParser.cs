using System.Text.RegularExpressions;
using SkinBot.Core.Answers;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads curated articles: YAML front matter, ATX headings (optionally with a <c>{#id}</c> anchor),
/// paragraphs and bullets (<c>-</c>, <c>*</c>, <c>•</c>, numbered). Only the structure the corpus uses;
/// anything else is kept as paragraph text.
/// </summary>
public static partial class MarkdownArticleParser
{
    public static ArticleDocument Parse(string filePath, string text)
    {
        var (frontMatter, body) = FrontMatter.Split(filePath, text);
        var blocks = new List<ArticleBlock>();
        string? h1 = null;
        var paragraph = new List<string>();

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                AddText(blocks, BlockKind.Paragraph, string.Join(' ', paragraph));
                paragraph.Clear();
            }
        }

        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                FlushParagraph();
                continue;
            }

            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                FlushParagraph();
                var level = heading.Groups["hashes"].Length;
                var headingText = TextCleaner.Clean(heading.Groups["text"].Value);
                if (level == 1 && h1 is null)
                {
                    h1 = headingText;
                }
                else
                {
                    var anchor = heading.Groups["id"].Success ? heading.Groups["id"].Value : null;
                    blocks.Add(new ArticleBlock(BlockKind.Heading, headingText, Math.Max(2, level), anchor));
                }

                continue;
            }

            var bullet = BulletPattern().Match(line);
            if (bullet.Success)
            {
                FlushParagraph();
                AddText(blocks, BlockKind.Bullet, bullet.Groups["text"].Value);
                continue;
            }

            paragraph.Add(line);
        }

        FlushParagraph();
        var title = frontMatter.Title ?? h1
            ?? throw new CorpusFormatException(filePath, "no title: add 'title:' to the front matter or a '# ' heading");
        return new ArticleDocument(
            ArticleIds.FromPath(filePath),
            filePath,
            new SourceInfo(title, Blank(frontMatter.Publisher), Blank(frontMatter.Url), Blank(frontMatter.Expert)),
            blocks);
    }

    private static void AddText(List<ArticleBlock> blocks, BlockKind kind, string text)
    {
        var cleaned = TextCleaner.Clean(text);
        if (cleaned.Length > 0 && !PageFurniture.IsFurniture(cleaned))
        {
            blocks.Add(new ArticleBlock(kind, cleaned));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.+?)(\s*\{#(?<id>[A-Za-z0-9_-]+)\})?\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^([-*+•·▪●]|\d{1,3}[.)])\s+(?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletPattern();
}

using System.Text.RegularExpressions;

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
        var paragraphLine = 0;
        // Lines before the body (the front matter) count, so corpus checks can name the line in the file.
        var lineNumber = text.Split('\n').Length - body.Split('\n').Length;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                AddText(blocks, BlockKind.Paragraph, string.Join(' ', paragraph), paragraphLine);
                paragraph.Clear();
            }
        }

        foreach (var rawLine in body.Split('\n'))
        {
            lineNumber++;
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
                    blocks.Add(new ArticleBlock(BlockKind.Heading, headingText, Math.Max(2, level), anchor, lineNumber));
                }

                continue;
            }

            var bullet = BulletPattern().Match(line);
            if (bullet.Success)
            {
                FlushParagraph();
                AddText(blocks, BlockKind.Bullet, bullet.Groups["text"].Value, lineNumber);
                continue;
            }

            if (paragraph.Count == 0)
            {
                paragraphLine = lineNumber;
            }

            paragraph.Add(line);
        }

        FlushParagraph();
        var title = frontMatter.Title ?? h1
            ?? throw new CorpusFormatException(filePath, "no title: add 'title:' to the front matter or a '# ' heading");
        var kind = ArticleKinds.Parse(frontMatter.Kind);
        var reviewer = Blank(frontMatter.ReviewedBy);
        return new ArticleDocument(
            ArticleIds.FromPath(filePath),
            filePath,
            new SourceInfo(title, Blank(frontMatter.Publisher), Blank(frontMatter.Url), Blank(frontMatter.Expert))
            {
                Kind = kind ?? TextKind.QuotedArticle,
                Retrieved = Blank(frontMatter.Retrieved),
                ReviewedBy = reviewer,
            },
            blocks)
        {
            CitableSources = CitableSources(frontMatter, reviewer),
        };
    }

    private static Dictionary<string, SourceInfo> CitableSources(FrontMatter frontMatter, string? reviewer)
    {
        var sources = new Dictionary<string, SourceInfo>(StringComparer.Ordinal);
        foreach (var entry in frontMatter.Sources)
        {
            // Malformed entries are reported by `skinbot corpus check`; the loader keeps what it can cite.
            if (Blank(entry.Id) is { } id && Blank(entry.Title) is { } title)
            {
                sources.TryAdd(id, new SourceInfo(title, Blank(entry.Publisher), Blank(entry.Url), Expert: null)
                {
                    Kind = TextKind.Summary,
                    Retrieved = Blank(entry.Retrieved),
                    ReviewedBy = reviewer,
                });
            }
        }

        return sources;
    }

    private static void AddText(List<ArticleBlock> blocks, BlockKind kind, string text, int line)
    {
        var (withoutMarkers, cited) = SourceMarkers.Strip(text);
        var cleaned = TextCleaner.Clean(withoutMarkers);
        if (cleaned.Length > 0 && !PageFurniture.IsFurniture(cleaned))
        {
            blocks.Add(new ArticleBlock(kind, cleaned, Line: line) { CitedSourceIds = cited });
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?<hashes>#{1,6})\s+(?<text>.+?)(\s*\{#(?<id>[A-Za-z0-9_-]+)\})?\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^([-*+•·▪●]|\d{1,3}[.)])\s+(?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletPattern();
}

using System.Text.RegularExpressions;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads a page as scraped to plain text: the first line is the title, indentation drifts, bullets are
/// <c>•</c>, and headings are short standalone lines (questions, "Label:" lines, or phrases without a full stop).
/// Structure the scrape lost cannot be recovered here; curated Markdown is the place for that.
/// </summary>
public static partial class RawTextArticleParser
{
    private const int MaxHeadingLength = 90;

    public static ArticleDocument Parse(string filePath, string text)
    {
        var runs = SplitRuns(text);
        var blocks = new List<ArticleBlock>();
        string? title = null;
        foreach (var run in runs)
        {
            if (title is null)
            {
                title = TextCleaner.Clean(string.Join(' ', run));
                continue;
            }

            AddRun(blocks, run);
        }

        if (title is null)
        {
            throw new CorpusFormatException(filePath, "the file is empty");
        }

        if (!blocks.Any(b => b.Kind != BlockKind.Heading))
        {
            throw new CorpusFormatException(filePath, "no paragraphs or bullets after the title");
        }

        return new ArticleDocument(ArticleIds.FromPath(filePath), filePath, new SourceInfo(title, null, null, null), blocks);
    }

    private static List<List<string>> SplitRuns(string text)
    {
        var runs = new List<List<string>>();
        var current = new List<string>();
        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = TextCleaner.Clean(rawLine);
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    runs.Add(current);
                    current = [];
                }

                continue;
            }

            if (!PageFurniture.IsFurniture(line))
            {
                current.Add(line);
            }
        }

        if (current.Count > 0)
        {
            runs.Add(current);
        }

        return runs;
    }

    private static void AddRun(List<ArticleBlock> blocks, List<string> run)
    {
        if (run.Count == 1 && !BulletPattern().IsMatch(run[0]) && LooksLikeHeading(run[0], out var level))
        {
            blocks.Add(new ArticleBlock(BlockKind.Heading, run[0].TrimEnd(':').TrimEnd(), level));
            return;
        }

        var pending = new List<string>();
        var pendingKind = BlockKind.Paragraph;

        void Flush()
        {
            if (pending.Count > 0)
            {
                blocks.Add(new ArticleBlock(pendingKind, TextCleaner.Clean(string.Join(' ', pending))));
                pending.Clear();
            }
        }

        foreach (var line in run)
        {
            var bullet = BulletPattern().Match(line);
            if (bullet.Success)
            {
                Flush();
                pendingKind = BlockKind.Bullet;
                pending.Add(bullet.Groups["text"].Value);
            }
            else if (pending.Count == 0 && run.Count > 1 && LooksLikeHeading(line, out var lineLevel) && line.EndsWith(':'))
            {
                // "At-home treatments for pockmarks:" directly above its bullets.
                blocks.Add(new ArticleBlock(BlockKind.Heading, line.TrimEnd(':').TrimEnd(), lineLevel));
            }
            else
            {
                pending.Add(line);
            }
        }

        Flush();
    }

    /// <summary>Question lines are sections (level 2); label lines and short phrases are sub-sections (level 3).</summary>
    private static bool LooksLikeHeading(string line, out int level)
    {
        level = 0;
        if (line.Length > MaxHeadingLength || SentenceBreak().IsMatch(line))
        {
            return false;
        }

        if (line.EndsWith('?'))
        {
            level = 2;
            return true;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (line.EndsWith(':') || (words <= 10 && !TerminalPunctuation().IsMatch(line)))
        {
            level = 3;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^([•·▪●*-]|\d{1,3}[.)])\s*(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"[.!?…]\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[.!…”""')\]]$", RegexOptions.CultureInvariant)]
    private static partial Regex TerminalPunctuation();
}

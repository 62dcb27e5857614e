using System.Globalization;
using SkinBot.Core.Corpus;

namespace SkinBot.Core.CorpusChecks;

/// <summary>Checks one Markdown article on its own: front matter, sources, the marker on every passage, passage length.</summary>
public static class ArticleChecks
{
    public static IEnumerable<CorpusFinding> Check(string file, string text, ArticleDocument article, DateOnly today)
    {
        var (front, _) = FrontMatter.Split(file, text);
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            yield return CorpusFinding.Error("front-matter", file, 1, "no front matter: an article starts with a '---' YAML block (title, kind, sources)");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(front.Title))
        {
            yield return CorpusFinding.Error("front-matter", file, 1, "front matter has no title");
        }

        var kind = ArticleKinds.Parse(front.Kind);
        if (kind is null)
        {
            yield return CorpusFinding.Error("front-matter", file, 1, $"kind is '{front.Kind}': it must be '{ArticleKindNames.Article}' (a published text quoted as written) or '{ArticleKindNames.Summary}' (SkinBot's own words)");
            yield break;
        }

        if (front.ReviewedBy is null)
        {
            yield return CorpusFinding.Error("front-matter", file, 1, "reviewed_by is missing: write reviewed_by: \"\" until a clinician has reviewed the text");
        }

        if (kind == TextKind.QuotedArticle)
        {
            foreach (var finding in CheckDate("front-matter", file, "retrieved", front.Retrieved, today))
            {
                yield return finding;
            }

            if (string.IsNullOrWhiteSpace(front.Source) && string.IsNullOrWhiteSpace(front.Url))
            {
                yield return CorpusFinding.Error("front-matter", file, 1, "a quoted article names where it came from: source or url");
            }
        }
        else
        {
            foreach (var finding in CheckSources(file, front, article, today))
            {
                yield return finding;
            }
        }

        foreach (var finding in CheckPassageLengths(file, article, kind.Value))
        {
            yield return finding;
        }
    }

    private static IEnumerable<CorpusFinding> CheckSources(string file, FrontMatter front, ArticleDocument article, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(front.SummaryOf))
        {
            yield return CorpusFinding.Error("front-matter", file, 1, "a summary says whose guidance it summarises: summary_of");
        }

        if (front.Sources.Count == 0)
        {
            yield return CorpusFinding.Error("sources", file, 1, "a summary lists the sources its passages cite: sources (id, title, publisher, url, retrieved)");
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, index) in front.Sources.Select((s, i) => (s, i + 1)))
        {
            var name = string.IsNullOrWhiteSpace(source.Id) ? $"source {index}" : $"source '{source.Id}'";
            if (string.IsNullOrWhiteSpace(source.Id))
            {
                yield return CorpusFinding.Error("sources", file, 1, $"{name} has no id");
            }
            else if (!declared.Add(source.Id))
            {
                yield return CorpusFinding.Error("sources", file, 1, $"{name} is declared twice");
            }

            if (string.IsNullOrWhiteSpace(source.Title))
            {
                yield return CorpusFinding.Error("sources", file, 1, $"{name} has no title");
            }

            if (string.IsNullOrWhiteSpace(source.Publisher))
            {
                yield return CorpusFinding.Error("sources", file, 1, $"{name} has no publisher");
            }

            if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            {
                yield return CorpusFinding.Error("sources", file, 1, $"{name} needs an absolute http(s) url, not '{source.Url}'");
            }

            foreach (var finding in CheckDate("sources", file, $"{name} retrieved", source.Retrieved, today))
            {
                yield return finding;
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in article.Blocks.Where(b => b.Kind != BlockKind.Heading))
        {
            if (block.CitedSourceIds.Count == 0)
            {
                yield return CorpusFinding.Error("passage-source", file, block.Line, $"this passage cites no source: end it with [^source-id] ({Preview(block.Text)})");
            }

            foreach (var id in block.CitedSourceIds)
            {
                used.Add(id);
                if (!declared.Contains(id))
                {
                    yield return CorpusFinding.Error("passage-source", file, block.Line, $"[^{id}] names no source in the front matter");
                }
            }
        }

        foreach (var unused in declared.Except(used).Order(StringComparer.Ordinal))
        {
            yield return CorpusFinding.Warning("sources", file, 1, $"source '{unused}' is declared but no passage cites it");
        }
    }

    private static IEnumerable<CorpusFinding> CheckPassageLengths(string file, ArticleDocument article, TextKind kind)
    {
        var max = kind == TextKind.Summary ? CorpusCheckLimits.MaxSummaryPassageWords : CorpusCheckLimits.MaxQuotedPassageWords;
        foreach (var block in article.Blocks.Where(b => b.Kind != BlockKind.Heading))
        {
            var words = Words(block.Text);
            if (words > max)
            {
                yield return CorpusFinding.Error("passage-length", file, block.Line, $"{words} words, more than {max}: split it ({Preview(block.Text)})");
            }
            else if (words < CorpusCheckLimits.MinPassageWords)
            {
                // A quoted article's short list items ("- ice pick scars (…)") are its own; only summaries must stand alone.
                var severity = kind == TextKind.Summary ? FindingSeverity.Error : FindingSeverity.Warning;
                yield return new CorpusFinding(severity, "passage-length", file, block.Line, $"{words} words, fewer than {CorpusCheckLimits.MinPassageWords}: a passage must make sense quoted alone ({Preview(block.Text)})");
            }
        }
    }

    private static IEnumerable<CorpusFinding> CheckDate(string rule, string file, string what, string? value, DateOnly today)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            yield return CorpusFinding.Error(rule, file, 1, $"{what} must be an ISO date (yyyy-mm-dd), not '{value}'");
        }
        else if (date > today)
        {
            yield return CorpusFinding.Error(rule, file, 1, $"{what} {value} is in the future");
        }
    }

    internal static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    internal static string Preview(string text) => text.Length <= 60 ? $"\"{text}\"" : $"\"{text[..57]}…\"";
}

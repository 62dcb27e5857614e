using System.Text.RegularExpressions;

namespace SkinBot.Core.Corpus;

/// <summary>Turns an article's blocks into passages that know their section path and lead term.</summary>
public static partial class PassageSplitter
{
    public const string IntroductionSectionId = "introduction";

    public static IReadOnlyList<Passage> Split(ArticleDocument article, int firstOrdinal)
    {
        var passages = new List<Passage>();
        // Open headings by level: (level, id, title).
        var open = new List<(int Level, string Id, string Title)>();
        foreach (var block in article.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                open.RemoveAll(h => h.Level >= block.Level);
                open.Add((block.Level, block.AnchorId ?? ArticleIds.Slug(block.Text), block.Text));
                continue;
            }

            var sectionIds = open.Count == 0 ? [IntroductionSectionId] : open.Select(h => h.Id).ToList();
            var path = open.Select(h => h.Title).ToList();
            var lead = block.Kind == BlockKind.Bullet ? LeadTermOf(block.Text) : null;
            if (lead is not null)
            {
                path.Add(lead);
            }

            passages.Add(new Passage(
                $"{article.Id}#{passages.Count + 1}",
                firstOrdinal + passages.Count,
                article.Id,
                SourceOf(article, block),
                sectionIds,
                path.Count == 0 ? ["Introduction"] : path,
                lead,
                block.Text,
                block.Kind));
        }

        return passages;
    }

    /// <summary>
    /// A quoted article's passages cite the article; a summary's passages cite the sources their markers name
    /// (the first in full, the rest as also cited). A summary passage without a usable marker cites the summary
    /// itself, which the corpus check reports.
    /// </summary>
    private static SourceInfo SourceOf(ArticleDocument article, ArticleBlock block)
    {
        var cited = block.CitedSourceIds
            .Select(id => article.CitableSources.GetValueOrDefault(id))
            .OfType<SourceInfo>()
            .ToList();
        return cited.Count == 0 ? article.Source : cited[0] with { AlsoCited = cited[1..] };
    }

    /// <summary>
    /// "Retinol: Your best bet…" → "Retinol"; "boxcar scars (broad, sunken…)" → "Boxcar scars".
    /// Only short leads count, so an ordinary sentence with a colon is not mistaken for a term.
    /// </summary>
    public static string? LeadTermOf(string text)
    {
        var match = ColonLead().Match(text);
        if (!match.Success)
        {
            match = ParenthesisLead().Match(text);
        }

        if (!match.Success)
        {
            return null;
        }

        var term = match.Groups["term"].Value.Trim();
        return char.ToUpperInvariant(term[0]) + term[1..];
    }

    [GeneratedRegex(@"^(?<term>[\p{L}\p{N}][\p{L}\p{N} '’\-/&]{0,48}?)\s*:\s", RegexOptions.CultureInvariant)]
    private static partial Regex ColonLead();

    [GeneratedRegex(@"^(?<term>[\p{L}\p{N}][\p{L}\p{N} '’\-]{0,30}?)\s+\(", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisLead();
}

using SkinBot.Core.Search;

namespace SkinBot.Core.Answers;

/// <summary>Which passages of an intent's sections an answer quotes, and in what order.</summary>
public static class IntentPassageRanking
{
    /// <summary>How much weaker each later-listed section's passages count when ranking by relevance.</summary>
    private const double LaterSectionDiscount = 0.3;

    /// <summary>The sections as listed, each filled up by relevance: a definition quotes the definition first.</summary>
    public static IReadOnlyList<ScoredPassage> BySectionOrder(PassageIndex index, IReadOnlyList<string> terms, IReadOnlyList<string> sections, int size)
    {
        // One search over every listed section, then each section's best in the listed order: the passages a search
        // per section would give (a passage sits in one section, and the section filter scores the same either way),
        // for one query instead of one per section. No section, no passage: without a filter the search would read them all.
        if (sections.Count == 0 || size <= 0)
        {
            return [];
        }

        var ranked = index.Search(terms, sections, index.PassageCountIn(sections));
        var hits = new List<ScoredPassage>(size);
        foreach (var section in sections)
        {
            foreach (var hit in ranked)
            {
                if (hits.Count >= size)
                {
                    return hits;
                }

                if (string.Equals(hit.Passage.SectionId, section, StringComparison.Ordinal))
                {
                    hits.Add(hit);
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// The best-matching passages of all the sections, with the listed order as a gentle prior: a question's own
    /// words pick the section ("does it hurt" → pain), and a question with no distinguishing words reads the
    /// sections as listed. Without any matching word this is exactly <see cref="BySectionOrder"/>.
    /// </summary>
    public static IReadOnlyList<ScoredPassage> ByRelevance(PassageIndex index, IReadOnlyList<string> terms, IReadOnlyList<string> sections, int size)
    {
        var candidates = index.Search(terms, sections, size * 4);
        if (candidates.Count == 0 || candidates.All(c => c.Score < MatchedScore))
        {
            return BySectionOrder(index, terms, sections, size);
        }

        var position = sections.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        return [.. candidates
            .Select(c => new ScoredPassage(c.Passage, c.Score / (1 + (LaterSectionDiscount * ListedAt(position, c.Passage, sections.Count)))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Passage.Ordinal)
            .Take(size)];
    }

    /// <summary>Where the passage's section (or the listed section it sits under) comes in the intent's list.</summary>
    private static int ListedAt(Dictionary<string, int> position, Corpus.Passage passage, int notListed) =>
        passage.SectionIds.Select(id => position.GetValueOrDefault(id, notListed)).DefaultIfEmpty(notListed).Min();

    /// <summary>Above the section filter's constant score: at least one of the question's words matched.</summary>
    private const double MatchedScore = 0.01;
}

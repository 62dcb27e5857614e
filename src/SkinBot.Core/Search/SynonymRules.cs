namespace SkinBot.Core.Search;

/// <summary>
/// The synonym groups of synonyms.txt as rewrite rules on analysed terms: every spelling (a term sequence such as
/// [box, car]) is replaced by its group's canonical spelling ([boxcar]). Looked up by first term, longest rule first.
/// </summary>
public sealed class SynonymRules
{
    private readonly Dictionary<string, SynonymRule[]> _byFirstTerm;

    internal SynonymRules(IEnumerable<SynonymRule> rules)
    {
        _byFirstTerm = rules
            .GroupBy(r => r.From[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.From.Length).ToArray(), StringComparer.Ordinal);
        Lookup = _byFirstTerm.GetAlternateLookup<ReadOnlySpan<char>>();
        LongestRule = _byFirstTerm.Count == 0 ? 0 : _byFirstTerm.Values.Max(r => r[0].From.Length);
        Count = _byFirstTerm.Values.Sum(r => r.Length);
    }

    /// <summary>Number of spellings that are rewritten.</summary>
    public int Count { get; }

    internal int LongestRule { get; }

    /// <summary>Rules by first term, searchable with the term buffer itself so most tokens cost no allocation.</summary>
    internal Dictionary<string, SynonymRule[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }
}

/// <param name="From">The spelling, as analysed terms.</param>
/// <param name="To">The canonical spelling, as analysed terms.</param>
internal sealed record SynonymRule(string[] From, string[] To);

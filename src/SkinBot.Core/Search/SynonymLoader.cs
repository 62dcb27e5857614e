using SkinBot.Core.Corpus;

namespace SkinBot.Core.Search;

/// <summary>
/// Reads <c>synonyms.txt</c> in Solr's format with expand=false: in a line "a, b, c" every spelling is indexed and
/// searched as the first one; in "a, b => c" the left-hand spellings become c. Blank lines and lines starting
/// with # are ignored. Each entry is analysed exactly like text before synonyms apply (lower case, stems), so
/// plurals need no entries of their own.
/// </summary>
public static class SynonymLoader
{
    public static SynonymRules Parse(string solrText, string sourceName = "synonyms.txt")
    {
        using var ruleAnalyzer = new SynonymRuleAnalyzer();
        var rules = new List<SynonymRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in solrText.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var sides = line.Split("=>");
            if (sides.Length > 2)
            {
                throw Error(sourceName, lineNumber, "more than one '=>'");
            }

            var from = Entries(sides[0], ruleAnalyzer, sourceName, lineNumber);
            var to = sides.Length == 2 ? Entries(sides[1], ruleAnalyzer, sourceName, lineNumber) : [from[0]];
            if (to.Count != 1)
            {
                throw Error(sourceName, lineNumber, "the right of '=>' must be exactly one spelling");
            }

            foreach (var spelling in from)
            {
                // The first rule for a spelling wins, as in Solr with dedup. A multi-term canonical spelling keeps its
                // identity rule: "prescription retinoid" must be consumed whole before "retinoid" alone can match.
                var identity = spelling.SequenceEqual(to[0]);
                if ((!identity || spelling.Length > 1) && seen.Add(string.Join(' ', spelling)))
                {
                    rules.Add(new SynonymRule(spelling, to[0]));
                }
            }
        }

        return new SynonymRules(rules);
    }

    /// <summary>The raw words of every entry, for the spelling corrector's domain vocabulary.</summary>
    public static IEnumerable<string> Words(string solrText) =>
        solrText.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .SelectMany(line => line.Split([',', '=', '>', ' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(word => word.ToLowerInvariant());

    private static List<string[]> Entries(string side, SynonymRuleAnalyzer analyzer, string sourceName, int lineNumber)
    {
        var entries = new List<string[]>();
        foreach (var entry in side.Split(','))
        {
            var terms = analyzer.Terms(entry.Trim());
            if (terms.Length == 0)
            {
                throw Error(sourceName, lineNumber, $"the entry \"{entry.Trim()}\" has no words");
            }

            entries.Add(terms);
        }

        return entries;
    }

    private static CorpusFormatException Error(string sourceName, int line, string reason) =>
        new(sourceName, $"synonyms are not in Solr format (line {line}): {reason}");
}

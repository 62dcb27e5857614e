using Lucene.Net.Analysis.Synonym;
using SkinBot.Core.Corpus;

namespace SkinBot.Core.Search;

/// <summary>
/// Reads <c>synonyms.txt</c> (Solr format) with expand=false, so every spelling in a group is indexed and
/// searched as the group's first entry.
/// </summary>
public static class SynonymLoader
{
    public static SynonymMap Parse(string solrText, string sourceName = "synonyms.txt")
    {
        using var ruleAnalyzer = new SynonymRuleAnalyzer();
        var parser = new SolrSynonymParser(dedup: true, expand: false, analyzer: ruleAnalyzer);
        try
        {
            parser.Parse(new StringReader(solrText));
            return parser.Build();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or IOException or J2N.Text.ParseException)
        {
            throw new CorpusFormatException(sourceName, $"synonyms are not in Solr format: {ex.Message}", ex);
        }
    }

    /// <summary>The raw words of every entry, for the spelling corrector's domain vocabulary.</summary>
    public static IEnumerable<string> Words(string solrText) =>
        solrText.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .SelectMany(line => line.Split([',', '=', '>', ' ', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(word => word.ToLowerInvariant());
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace SkinBot.Core.Search;

/// <summary>
/// English analysis for passages, intent examples and questions alike:
/// standard tokens → possessives off → lower case → accents folded → Porter stems → synonyms → stop words.
/// Synonyms run after stemming (their rules are stemmed the same way, see <see cref="SynonymLoader"/>), so
/// "box cars" meets the rule "box car" and becomes "boxcar"; stop words go last so rules such as
/// "over the counter" still see their "the".
/// </summary>
public sealed class SkinBotAnalyzer(SynonymRules? synonyms) : Analyzer
{
    /// <summary>
    /// English stop words as they look after stemming ("was" → "wa", "this" → "thi"): the stop filter runs after
    /// the stemmer, so the list must be stemmed too.
    /// </summary>
    private static readonly CharArraySet StopWords = StemmedStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader) { MaxTokenLength = 64 };
        var stream = StemmedTokens(tokenizer);
        if (synonyms is { Count: > 0 } rules)
        {
            stream = new CanonicalSynonymFilter(stream, rules);
        }

        stream = new StopFilter(LuceneSettings.Version, stream, StopWords);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static CharArraySet StemmedStopWords()
    {
        var stemmed = new CharArraySet(LuceneSettings.Version, 64, ignoreCase: false);
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            var text = word.ToString() ?? string.Empty;
            stemmed.Add(text);
            using var tokenizer = new Lucene.Net.Analysis.Core.KeywordTokenizer(new StringReader(text));
            using var stream = new PorterStemFilter(tokenizer);
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                stemmed.Add(term.ToString());
            }

            stream.End();
        }

        return stemmed.AsReadOnly();
    }

    /// <summary>The part of the chain before synonyms; the synonym rules are analysed with exactly this.</summary>
    internal static TokenStream StemmedTokens(TokenStream source)
    {
        TokenStream stream = new EnglishPossessiveFilter(LuceneSettings.Version, source);
        stream = new LowerCaseFilter(LuceneSettings.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new PorterStemFilter(stream);
    }

    /// <summary>Analyses text into its terms (synonyms applied, stop words removed), in order, duplicates kept.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(PassageFields.Text, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

/// <summary>Tokenizer + the pre-synonym chain, used to parse synonym rules so they match what the filter sees.</summary>
internal sealed class SynonymRuleAnalyzer : Analyzer
{
    public string[] Terms(string text)
    {
        var terms = new List<string>();
        using var stream = GetTokenStream(PassageFields.Text, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return [.. terms];
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(LuceneSettings.Version, reader);
        return new TokenStreamComponents(tokenizer, SkinBotAnalyzer.StemmedTokens(tokenizer));
    }
}

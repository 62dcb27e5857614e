using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SkinBot.Core.Search;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// The example utterances of intents.yml in a small in-memory Lucene index. A question is classified by its
/// nearest examples (BM25 over the same analysis as passages), which copes with paraphrase and word order
/// better than keyword lists and stays editable as data.
/// </summary>
public sealed class ExampleIndex : IDisposable
{
    private const string IntentField = "intent";
    private const string TextField = "text";
    private const int Neighbours = 12;

    /// <summary>Weight of an intent's 1st, 2nd, 3rd nearest example; further ones do not count.</summary>
    private static readonly double[] RankWeights = [1.0, 0.5, 0.25];

    private readonly RAMDirectory _directory = new();
    private readonly HashSet<string> _ignored;
    private readonly List<string> _intentIds = [];
    // Read once into an array: a Lucene NumericDocValues instance is not safe to share between threads, and under
    // concurrent questions it returned wrong intent ordinals (seen as an index out of range under load).
    private readonly int[] _intentOfDocument;
    private readonly HashSet<string> _exampleTerms;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    /// <param name="analyzer">Analysis shared with passages and questions.</param>
    /// <param name="vocabulary">Used to mask scar-type and treatment names (see <see cref="TermMasker"/>).</param>
    /// <param name="ignoreWords">Words left out of example matching (see intents.yml ignore_words).</param>
    public ExampleIndex(SkinBotAnalyzer analyzer, DomainVocabulary vocabulary, IEnumerable<IntentDefinition> intents, IEnumerable<string> ignoreWords)
    {
        _ignored = new HashSet<string>(ignoreWords.SelectMany(analyzer.Terms), StringComparer.Ordinal);
        // Examples are analysed and masked up front, then indexed as plain space-separated terms.
        using var whitespace = new WhitespaceAnalyzer(LuceneSettings.Version);
        // Plain segment files: a compound file is read through a locked, sliced input on every query.
        var config = new IndexWriterConfig(LuceneSettings.Version, whitespace) { Similarity = new BM25Similarity(), UseCompoundFile = false };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var intent in intents)
            {
                _intentIds.Add(intent.Id);
                foreach (var example in intent.Examples)
                {
                    writer.AddDocument(new Document
                    {
                        // A doc value, not a stored field: reading a stored field decompresses a whole block per hit.
                        new NumericDocValuesField(IntentField, _intentIds.Count - 1),
                        new Lucene.Net.Documents.TextField(TextField, string.Join(' ', TermMasker.Mask(analyzer.Terms(example), vocabulary).Where(t => !_ignored.Contains(t))), Field.Store.NO),
                    });
                }
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        var values = MultiDocValues.GetNumericValues(_reader, IntentField) ?? DocValues.EMPTY_NUMERIC;
        _intentOfDocument = [.. Enumerable.Range(0, _reader.MaxDoc).Select(doc => (int)values.Get(doc))];
        _exampleTerms = PassageIndex.IndexedTerms(_reader, TextField);
    }

    /// <summary>True when at least one example contains the term.</summary>
    public bool Knows(string term) => _exampleTerms.Contains(term);

    /// <summary>Intents scored by their nearest examples, best first; empty when nothing matched.</summary>
    /// <param name="terms">Analysed and masked terms of the message.</param>
    public IReadOnlyList<IntentScore> Classify(IReadOnlyList<string> terms)
    {
        var query = new BooleanQuery();
        foreach (var term in terms.Where(t => !_ignored.Contains(t) && _exampleTerms.Contains(t)).Distinct(StringComparer.Ordinal).Take(48))
        {
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var scores = new Dictionary<string, (double Score, int Seen)>(StringComparer.Ordinal);
        foreach (var hit in _searcher.Search(query, Neighbours).ScoreDocs)
        {
            var intent = _intentIds[_intentOfDocument[hit.Doc]];
            var (score, seen) = scores.GetValueOrDefault(intent);
            if (seen < RankWeights.Length)
            {
                scores[intent] = (score + (hit.Score * RankWeights[seen]), seen + 1);
            }
        }

        return [.. scores.Select(s => new IntentScore(s.Key, s.Value.Score)).OrderByDescending(s => s.Score)];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}

public readonly record struct IntentScore(string Intent, double Score);

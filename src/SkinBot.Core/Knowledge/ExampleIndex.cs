using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using SkinBot.Core.Search;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// The example utterances of intents.yml, scored as in a small in-memory Lucene index. A question is classified by
/// its nearest examples (BM25 over the same analysis as passages), which copes with paraphrase and word order
/// better than keyword lists and stays editable as data.
/// </summary>
public sealed class ExampleIndex
{
    internal const string IntentField = "intent";
    internal const string TextField = "text";
    internal const int Neighbours = 12;
    internal const int MaxClauses = 48;

    /// <summary>Weight of an intent's 1st, 2nd, 3rd nearest example; further ones do not count.</summary>
    internal static readonly double[] RankWeights = [1.0, 0.5, 0.25];

    private readonly HashSet<string> _ignored;
    private readonly List<string> _intentIds = [];
    // Per document, the first ordinal of its intent's id: scores are gathered per id, as a dictionary keyed by id did.
    private readonly int[] _intentOfDocument;
    private readonly ExamplePostings _postings;

    /// <param name="analyzer">Analysis shared with passages and questions.</param>
    /// <param name="vocabulary">Used to mask scar-type and treatment names (see <see cref="TermMasker"/>).</param>
    /// <param name="ignoreWords">Words left out of example matching (see intents.yml ignore_words).</param>
    public ExampleIndex(SkinBotAnalyzer analyzer, DomainVocabulary vocabulary, IEnumerable<IntentDefinition> intents, IEnumerable<string> ignoreWords)
    {
        _ignored = IgnoredTerms(analyzer, ignoreWords);
        var intentList = intents.ToList();
        _intentIds.AddRange(intentList.Select(i => i.Id));
        // The Lucene index defines the scores; once they are read into postings nothing needs it any more.
        using var directory = Write(analyzer, vocabulary, intentList, _ignored);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var values = MultiDocValues.GetNumericValues(reader, IntentField) ?? DocValues.EMPTY_NUMERIC;
        _intentOfDocument = [.. Enumerable.Range(0, reader.MaxDoc).Select(doc => _intentIds.IndexOf(_intentIds[(int)values.Get(doc)]))];
        _postings = ExamplePostings.Read(searcher, TextField);
    }

    internal static HashSet<string> IgnoredTerms(SkinBotAnalyzer analyzer, IEnumerable<string> ignoreWords) =>
        new(ignoreWords.SelectMany(analyzer.Terms), StringComparer.Ordinal);

    /// <summary>
    /// The examples as a Lucene index: one document per example in intent order, the intent's ordinal as a doc
    /// value, the analysed and masked terms as text. Also what tests compare the postings against.
    /// </summary>
    internal static RAMDirectory Write(SkinBotAnalyzer analyzer, DomainVocabulary vocabulary, IReadOnlyList<IntentDefinition> intents, HashSet<string> ignored)
    {
        var directory = new RAMDirectory();
        // Examples are analysed and masked up front, then indexed as plain space-separated terms.
        using var whitespace = new WhitespaceAnalyzer(LuceneSettings.Version);
        var config = new IndexWriterConfig(LuceneSettings.Version, whitespace) { Similarity = new BM25Similarity(), UseCompoundFile = false };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var ordinal = 0; ordinal < intents.Count; ordinal++)
            {
                foreach (var example in intents[ordinal].Examples)
                {
                    writer.AddDocument(new Document
                    {
                        new NumericDocValuesField(IntentField, ordinal),
                        new Lucene.Net.Documents.TextField(TextField, string.Join(' ', TermMasker.Mask(analyzer.Terms(example), vocabulary).Where(t => !ignored.Contains(t))), Field.Store.NO),
                    });
                }
            }

            writer.Commit();
        }

        return directory;
    }

    /// <summary>
    /// How many examples must use a word before SkinBot counts it as one of its own. One long example that mentions a
    /// teacher or a bike would otherwise make every message about teachers or bikes sound like a skin question, and
    /// the more examples there are, the fewer words would be left to tell a question about something else.
    /// </summary>
    private const int ExamplesToKnowAWord = 2;

    /// <summary>True when enough examples use the term for it to be one of SkinBot's words.</summary>
    public bool Knows(string term) => _postings.DocumentFrequency(term) >= ExamplesToKnowAWord;

    /// <summary>Intents scored by their nearest examples, best first; empty when nothing matched.</summary>
    /// <param name="terms">Analysed and masked terms of the message.</param>
    public IReadOnlyList<IntentScore> Classify(IReadOnlyList<string> terms)
    {
        // The first distinct known terms that are not ignored, as the clauses of a Lucene query were.
        Span<int> clauses = stackalloc int[MaxClauses];
        var clauseCount = 0;
        for (var i = 0; i < terms.Count && clauseCount < MaxClauses; i++)
        {
            if (_postings.TryGetTermId(terms[i], out var id) && !_ignored.Contains(terms[i]) && !clauses[..clauseCount].Contains(id))
            {
                clauses[clauseCount++] = id;
            }
        }

        if (clauseCount == 0)
        {
            return [];
        }

        Span<int> docs = stackalloc int[Neighbours];
        Span<float> hitScores = stackalloc float[Neighbours];
        var hits = _postings.Search(clauses[..clauseCount], docs, hitScores);

        // Intents in the order of their first hit, each with its rank-weighted score.
        Span<int> intents = stackalloc int[Neighbours];
        Span<double> scores = stackalloc double[Neighbours];
        Span<int> seen = stackalloc int[Neighbours];
        var intentCount = 0;
        for (var hit = 0; hit < hits; hit++)
        {
            var intent = _intentOfDocument[docs[hit]];
            var at = intents[..intentCount].IndexOf(intent);
            if (at < 0)
            {
                at = intentCount++;
                intents[at] = intent;
                scores[at] = 0;
                seen[at] = 0;
            }

            if (seen[at] < RankWeights.Length)
            {
                scores[at] += hitScores[hit] * RankWeights[seen[at]];
                seen[at]++;
            }
        }

        // Best first; a stable insertion sort, so equal scores keep the order of first hits.
        var result = new IntentScore[intentCount];
        for (var i = 0; i < intentCount; i++)
        {
            var entry = new IntentScore(_intentIds[intents[i]], scores[i]);
            var at = i;
            while (at > 0 && result[at - 1].Score < entry.Score)
            {
                result[at] = result[at - 1];
                at--;
            }

            result[at] = entry;
        }

        return result;
    }
}

public readonly record struct IntentScore(string Intent, double Score);

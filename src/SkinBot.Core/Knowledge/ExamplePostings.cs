using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// Every term of the example index with the documents that hold it and the BM25 score Lucene gives each of them.
/// A question then adds these up instead of running a Lucene search: the search cost almost a third of an answer,
/// mostly in per-query weights, scorers and bucket tables, for an index of a few thousand short examples.
/// </summary>
internal sealed class ExamplePostings
{
    private readonly Dictionary<string, int> _termIds;
    // Postings of term t are _docs[_starts[t].._starts[t + 1]] with their scores at the same places in _scores.
    private readonly int[] _starts;
    private readonly int[] _docs;
    private readonly float[] _scores;
    private readonly int _documentCount;

    // One per thread, so concurrent questions neither share sums nor allocate them per call.
    [ThreadStatic]
    private static Scratch? _scratch;

    private ExamplePostings(Dictionary<string, int> termIds, int[] starts, int[] docs, float[] scores, int documentCount)
    {
        _termIds = termIds;
        _starts = starts;
        _docs = docs;
        _scores = scores;
        _documentCount = documentCount;
    }

    /// <summary>
    /// Reads the postings of <paramref name="field"/> with their scores as the searcher's similarity gives them.
    /// Each score comes from Lucene itself (one term query per term, every matching document collected), so the
    /// sums in <see cref="Search"/> start from exactly the floats a Lucene search adds up.
    /// </summary>
    public static ExamplePostings Read(IndexSearcher searcher, string field)
    {
        var reader = searcher.IndexReader;
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var starts = new List<int> { 0 };
        var docs = new List<int>();
        var scores = new List<float>();
        var collector = new AllDocsCollector(docs, scores);
        var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        while (terms is not null && terms.MoveNext())
        {
            var term = terms.Term.Utf8ToString();
            termIds.Add(term, termIds.Count);
            searcher.Search(new TermQuery(new Term(field, term)), collector);
            starts.Add(docs.Count);
        }

        return new ExamplePostings(termIds, [.. starts], [.. docs], [.. scores], reader.MaxDoc);
    }

    public bool Contains(string term) => _termIds.ContainsKey(term);

    /// <summary>How many documents contain the term (0 when none does).</summary>
    public int DocumentFrequency(string term) =>
        _termIds.TryGetValue(term, out var id) ? _starts[id + 1] - _starts[id] : 0;

    public bool TryGetTermId(string term, out int id) => _termIds.TryGetValue(term, out id);

    /// <summary>
    /// The best documents for a disjunction of the given terms, as Lucene's IndexSearcher.Search would return them
    /// for a BooleanQuery of SHOULD term queries under BM25 (coord and query norm 1): each document's term scores
    /// summed in a double and cast to float, best score first and the lower document first on equal scores.
    /// </summary>
    /// <param name="termIds">Distinct term ids in clause order.</param>
    /// <param name="docs">Receives the documents, best first; its length is how many are wanted.</param>
    /// <param name="scores">Receives their scores.</param>
    /// <returns>How many documents were written.</returns>
    public int Search(ReadOnlySpan<int> termIds, Span<int> docs, Span<float> scores)
    {
        var scratch = _scratch ??= new Scratch();
        scratch.Begin(_documentCount);
        var sums = scratch.Sums;
        var stamps = scratch.Stamps;
        var stamp = scratch.Stamp;
        var touched = scratch.Touched;
        var touchedCount = 0;
        // Lucene's BooleanScorer keeps its sub-scorers in a list built by prepending, so a document's score is
        // summed from the last clause to the first. A double holds such sums of BM25 floats exactly nearly always,
        // but where it would round, only the same order gives the same double.
        for (var clause = termIds.Length - 1; clause >= 0; clause--)
        {
            var term = termIds[clause];
            for (var p = _starts[term]; p < _starts[term + 1]; p++)
            {
                var doc = _docs[p];
                if (stamps[doc] != stamp)
                {
                    stamps[doc] = stamp;
                    sums[doc] = 0;
                    touched[touchedCount++] = doc;
                }

                sums[doc] += _scores[p];
            }
        }

        var wanted = Math.Min(docs.Length, scores.Length);
        var count = 0;
        for (var i = 0; i < touchedCount; i++)
        {
            var doc = touched[i];
            var score = (float)sums[doc];
            if (count == wanted && !Before(score, doc, scores[count - 1], docs[count - 1]))
            {
                continue;
            }

            // Insertion into the short sorted list; the last one drops out when it is full.
            var at = count == wanted ? count - 1 : count++;
            while (at > 0 && Before(score, doc, scores[at - 1], docs[at - 1]))
            {
                scores[at] = scores[at - 1];
                docs[at] = docs[at - 1];
                at--;
            }

            scores[at] = score;
            docs[at] = doc;
        }

        return count;
    }

    /// <summary>Lucene's hit order: higher score first, then the lower document.</summary>
    private static bool Before(float score, int doc, float otherScore, int otherDoc) =>
        score > otherScore || (score == otherScore && doc < otherDoc);

    private sealed class Scratch
    {
        public double[] Sums { get; private set; } = [];

        /// <summary>Which call last touched a document, so the sums need no clearing between calls.</summary>
        public int[] Stamps { get; private set; } = [];

        public int[] Touched { get; private set; } = [];

        public int Stamp { get; private set; }

        public void Begin(int documentCount)
        {
            if (Sums.Length < documentCount)
            {
                Sums = new double[documentCount];
                Stamps = new int[documentCount];
                Touched = new int[documentCount];
                Stamp = 0;
            }

            if (Stamp == int.MaxValue)
            {
                Array.Clear(Stamps);
                Stamp = 0;
            }

            Stamp++;
        }
    }

    /// <summary>Appends every document a query matches, with its score, in the order Lucene collects them.</summary>
    private sealed class AllDocsCollector(List<int> docs, List<float> scores) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            docs.Add(_docBase + doc);
            scores.Add(_scorer!.GetScore());
        }
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using SkinBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SkinBot.Core.Search;

/// <summary>
/// A read-only, searchable view of one corpus version. Queries are built from analysed terms only:
/// user text is never handed to a query parser, so Lucene syntax in a message is just words.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    /// <summary>Weights: a hit on a lead term ("Subcision") says more than one in running text.</summary>
    private const float LeadBoost = 3f;
    private const float PathBoost = 1.5f;
    private const int MaxQueryTerms = 48;

    private readonly IReadOnlyList<LuceneDirectory> _directories;
    private readonly IndexReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<Passage> _passages;
    // Read once into an array: a Lucene NumericDocValues instance is not safe to share between threads, and
    // concurrent searches could read another document's ordinal.
    private readonly int[] _ordinals;
    private readonly HashSet<string> _vocabulary;
    private readonly Dictionary<string, int> _sectionSizes;

    /// <param name="shards">The shard directories written by <see cref="PassageIndexWriter"/>; owned by this index.</param>
    /// <param name="passages">The passages, by ordinal.</param>
    public PassageIndex(IReadOnlyList<LuceneDirectory> shards, IReadOnlyList<Passage> passages)
    {
        _directories = shards;
        _passages = passages;
        _sectionSizes = passages.GroupBy(p => p.SectionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Statistics (document frequencies, lengths) are computed over all shards, so scores equal one index's.
        _reader = shards.Count == 1
            ? DirectoryReader.Open(shards[0])
            : new MultiReader([.. shards.Select(d => (IndexReader)DirectoryReader.Open(d))], closeSubReaders: true);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        try
        {
            var values = MultiDocValues.GetNumericValues(_reader, PassageFields.Ordinal)
                ?? throw new InvalidDataException("the passage index has no ordinals: it was written by an older SkinBot");
            _ordinals = [.. Enumerable.Range(0, _reader.MaxDoc).Select(doc => (int)values.Get(doc))];
            // Built here, off the answer path: every message checks its words against it.
            _vocabulary = IndexedTerms(_reader, PassageFields.Text, PassageFields.Lead);
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public int DocumentCount => _reader.NumDocs;

    /// <summary>How many passages the listed sections hold, each section counted once.</summary>
    public int PassageCountIn(IEnumerable<string> sections) =>
        sections.Distinct(StringComparer.Ordinal).Sum(section => _sectionSizes.GetValueOrDefault(section));

    /// <summary>True when some passage's text or lead contains the term (a set lookup: this runs per word of every message).</summary>
    public bool Contains(string term) => _vocabulary.Contains(term);

    /// <summary>Passages in the given sections whose text contains the term (at most <paramref name="max"/>).</summary>
    public IReadOnlyList<Passage> Containing(string term, IReadOnlyCollection<string> sections, int max)
    {
        var filter = new BooleanQuery();
        foreach (var section in sections)
        {
            filter.Add(new TermQuery(new Term(PassageFields.Section, section)), Occur.SHOULD);
        }

        var query = new BooleanQuery
        {
            { new TermQuery(new Term(PassageFields.Text, term)), Occur.MUST },
            { filter, Occur.MUST },
        };
        return [.. _searcher.Search(query, Math.Clamp(max, 1, Math.Max(1, _reader.MaxDoc))).ScoreDocs
            .Select(hit => _ordinals[hit.Doc])
            .Where(ordinal => ordinal >= 0 && ordinal < _passages.Count)
            .Select(ordinal => _passages[ordinal])];
    }

    /// <summary>
    /// Ranks passages for the terms. With <paramref name="sections"/>, only passages in those sections are
    /// candidates, and every one of them is returned (unmatched ones with the base score) so an intent's
    /// section can be listed even when the question shares no words with it.
    /// </summary>
    public IReadOnlyList<ScoredPassage> Search(IReadOnlyList<string> terms, IReadOnlyCollection<string>? sections, int max)
    {
        var query = new BooleanQuery();
        // A term no passage has cannot score; leaving it out spares Lucene a weight per field.
        foreach (var term in terms.Distinct(StringComparer.Ordinal).Where(Contains).Take(MaxQueryTerms))
        {
            query.Add(new TermQuery(new Term(PassageFields.Text, term)), Occur.SHOULD);
            query.Add(new TermQuery(new Term(PassageFields.Lead, term)) { Boost = LeadBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(PassageFields.Path, term)) { Boost = PathBoost }, Occur.SHOULD);
        }

        if (sections is { Count: > 0 })
        {
            var filter = new BooleanQuery();
            foreach (var section in sections)
            {
                filter.Add(new TermQuery(new Term(PassageFields.Section, section)), Occur.SHOULD);
            }

            // The filter matches with a tiny constant score so ordering comes from the terms.
            query.Add(new ConstantScoreQuery(filter) { Boost = 0.001f }, Occur.MUST);
        }
        else if (query.Clauses.Count == 0)
        {
            return [];
        }

        // Lucene sizes its queue by the requested count, so never ask for more than there are documents.
        var top = _searcher.Search(query, Math.Clamp(max, 1, Math.Max(1, _reader.MaxDoc)));
        var results = new List<ScoredPassage>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            var ordinal = _ordinals[hit.Doc];
            if (ordinal >= 0 && ordinal < _passages.Count)
            {
                results.Add(new ScoredPassage(_passages[ordinal], hit.Score));
            }
        }

        // Equal scores keep document order, so an unmatched section reads as the article does.
        return [.. results.OrderByDescending(r => Math.Round(r.Score, 5)).ThenBy(r => r.Passage.Ordinal)];
    }

    internal static HashSet<string> IndexedTerms(IndexReader reader, params string[] fields)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var enumerator = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            while (enumerator is not null && enumerator.MoveNext())
            {
                terms.Add(enumerator.Term.Utf8ToString());
            }
        }

        return terms;
    }

    public void Dispose()
    {
        _reader.Dispose();
        foreach (var directory in _directories)
        {
            directory.Dispose();
        }
    }
}

using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using SkinBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SkinBot.Core.Search;

/// <summary>
/// Writes passages into Lucene directories, one document per passage, BM25. A large corpus is split into shards
/// written in parallel, one IndexWriter each (a single Lucene.Net writer does not get faster with more threads);
/// <see cref="PassageIndex"/> reads them back as one index. Each document stores its passage ordinal, so shard
/// and document order do not matter.
/// </summary>
public static class PassageIndexWriter
{
    /// <summary>
    /// Analysed, not stored, without positions: SkinBot never runs phrase queries (user text is only ever a bag of
    /// terms), so positions would cost build time and space for nothing.
    /// </summary>
    private static readonly FieldType SearchedText = new(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    };

    static PassageIndexWriter() => SearchedText.Freeze();

    /// <summary>Below this many passages one shard is fastest.</summary>
    private const int PassagesPerShardMinimum = 5_000;

    /// <summary>How many shards to write for this many passages on this machine.</summary>
    public static int ShardCount(int passageCount) =>
        Math.Clamp(Math.Min(Environment.ProcessorCount, passageCount / PassagesPerShardMinimum), 1, 8);

    /// <summary>Writes passage range i of <paramref name="shards"/>.Count into shards[i], all shards in parallel.</summary>
    public static void Write(IReadOnlyList<LuceneDirectory> shards, SkinBotAnalyzer analyzer, IReadOnlyList<Passage> passages)
    {
        Parallel.For(0, shards.Count, new ParallelOptions { MaxDegreeOfParallelism = shards.Count }, shard =>
        {
            var start = (int)((long)passages.Count * shard / shards.Count);
            var end = (int)((long)passages.Count * (shard + 1) / shards.Count);
            WriteShard(shards[shard], analyzer, passages, start, end);
        });
    }

    private static void WriteShard(LuceneDirectory directory, SkinBotAnalyzer analyzer, IReadOnlyList<Passage> passages, int start, int end)
    {
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            UseCompoundFile = false,
        };
        using var writer = new IndexWriter(directory, config);
        for (var i = start; i < end; i++)
        {
            var passage = passages[i];
            var document = new Document
            {
                new NumericDocValuesField(PassageFields.Ordinal, passage.Ordinal),
                new Field(PassageFields.Path, string.Join(" \n ", passage.SectionPath.Take(passage.SectionPath.Count - (passage.LeadTerm is null ? 0 : 1))), SearchedText),
                new Field(PassageFields.Lead, passage.LeadTerm ?? string.Empty, SearchedText),
                new Field(PassageFields.Text, passage.Text, SearchedText),
            };
            document.Add(new StringField(PassageFields.Section, passage.SectionId, Field.Store.NO));

            writer.AddDocument(document);
        }

        writer.Commit();
    }
}

using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using SkinBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SkinBot.Core.Search;

/// <summary>
/// Writes passages into a Lucene directory: one document per passage, BM25. Documents are added from every core
/// (IndexWriter is thread-safe and analysis dominates the cost); order does not matter because each document
/// stores its passage ordinal.
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

    public static void Write(LuceneDirectory directory, SkinBotAnalyzer analyzer, IReadOnlyList<Passage> passages)
    {
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
            UseCompoundFile = false,
        };
        using var writer = new IndexWriter(directory, config);
        Parallel.ForEach(passages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, passage =>
        {
            var document = new Document
            {
                new StoredField(PassageFields.Ordinal, passage.Ordinal),
                new StringField(PassageFields.Id, passage.Id, Field.Store.YES),
                new Field(PassageFields.Path, string.Join(" \n ", passage.SectionPath.Take(passage.SectionPath.Count - (passage.LeadTerm is null ? 0 : 1))), SearchedText),
                new Field(PassageFields.Lead, passage.LeadTerm ?? string.Empty, SearchedText),
                new Field(PassageFields.Text, passage.Text, SearchedText),
            };
            document.Add(new StringField(PassageFields.Section, passage.SectionId, Field.Store.NO));

            writer.AddDocument(document);
        });

        writer.Commit();
    }
}

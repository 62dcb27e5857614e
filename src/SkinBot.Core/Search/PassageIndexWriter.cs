using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using SkinBot.Core.Corpus;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SkinBot.Core.Search;

/// <summary>Writes passages into a Lucene directory: one document per passage, BM25.</summary>
public static class PassageIndexWriter
{
    public static void Write(LuceneDirectory directory, SkinBotAnalyzer analyzer, IReadOnlyList<Passage> passages)
    {
        var config = new IndexWriterConfig(LuceneSettings.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var passage in passages)
        {
            var document = new Document
            {
                new StoredField(PassageFields.Ordinal, passage.Ordinal),
                new StringField(PassageFields.Id, passage.Id, Field.Store.YES),
                new TextField(PassageFields.Path, string.Join(" \n ", passage.SectionPath.Take(passage.SectionPath.Count - (passage.LeadTerm is null ? 0 : 1))), Field.Store.NO),
                new TextField(PassageFields.Lead, passage.LeadTerm ?? string.Empty, Field.Store.NO),
                new TextField(PassageFields.Text, passage.Text, Field.Store.NO),
            };
            document.Add(new StringField(PassageFields.Section, passage.SectionId, Field.Store.NO));

            writer.AddDocument(document);
        }

        writer.Commit();
    }
}

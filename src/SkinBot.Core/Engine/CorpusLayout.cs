namespace SkinBot.Core.Engine;

/// <summary>Where the parts of a corpus folder are: articles/, synonyms.txt, intents.yml, topics.yml, safety.yml.</summary>
public sealed record CorpusLayout(string Root)
{
    public string ArticlesDirectory => Path.Combine(Root, "articles");

    public string SynonymsFile => Path.Combine(Root, "synonyms.txt");

    public string IntentsFile => Path.Combine(Root, "intents.yml");

    /// <summary>Optional extra training utterances per intent (examples: {intent_id: [...]}).</summary>
    public string IntentExamplesFile => Path.Combine(Root, "intent-examples.yml");

    /// <summary>Subjects SkinBot does not cover, and how to recognise them.</summary>
    public string TopicsFile => Path.Combine(Root, "topics.yml");

    /// <summary>The safety screen's tiers, replies, sources and signs. Required.</summary>
    public string SafetyFile => Path.Combine(Root, "safety.yml");

    /// <summary>Every file whose content shapes answers, for the fingerprint and the file watcher.</summary>
    public IReadOnlyList<string> ContentFiles() =>
        [.. Corpus.CorpusLoader.ArticleFiles(ArticlesDirectory), SynonymsFile, IntentsFile, IntentExamplesFile, TopicsFile, SafetyFile];
}

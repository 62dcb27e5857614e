using SkinBot.Core.Corpus;

namespace SkinBot.Core.Engine;

/// <summary>Where the parts of a corpus folder are: articles/, synonyms.txt, intents.yml, topics.yml, safety.yml, safety-languages.yml, safety-examples.yml.</summary>
/// <param name="Root">The corpus folder.</param>
/// <param name="MaxFileBytes">The largest corpus file read (Engine:MaxCorpusFileBytes).</param>
public sealed record CorpusLayout(string Root, long MaxFileBytes = CorpusFileReader.DefaultMaxFileBytes)
{
    /// <summary>Reads the corpus's files: regular files inside <see cref="Root"/>, within the size limit.</summary>
    public CorpusFileReader Files => new(Root, MaxFileBytes);

    public string ArticlesDirectory => Path.Combine(Root, "articles");

    public string SynonymsFile => Path.Combine(Root, "synonyms.txt");

    public string IntentsFile => Path.Combine(Root, "intents.yml");

    /// <summary>Optional extra training utterances per intent (examples: {intent_id: [...]}).</summary>
    public string IntentExamplesFile => Path.Combine(Root, "intent-examples.yml");

    /// <summary>Subjects SkinBot does not cover, and how to recognise them.</summary>
    public string TopicsFile => Path.Combine(Root, "topics.yml");

    /// <summary>The safety screen's tiers, replies, sources and signs. Required.</summary>
    public string SafetyFile => Path.Combine(Root, "safety.yml");

    /// <summary>The safety screen's signs in other languages, added to safety.yml's tiers (optional).</summary>
    public string SafetyLanguagesFile => Path.Combine(Root, "safety-languages.yml");

    /// <summary>Crisis clauses and their look-alikes, for the crisis screen by meaning (optional).</summary>
    public string SafetyExamplesFile => Path.Combine(Root, "safety-examples.yml");

    /// <summary>Where the sources differ (optional).</summary>
    public string DisagreementsFile => Path.Combine(Root, "disagreements.yml");

    /// <summary>Every file whose content shapes answers, for the fingerprint and the file watcher.</summary>
    public IReadOnlyList<string> ContentFiles() =>
        [.. CorpusLoader.ArticleFiles(ArticlesDirectory), SynonymsFile, IntentsFile, IntentExamplesFile, TopicsFile, SafetyFile, SafetyLanguagesFile, SafetyExamplesFile, DisagreementsFile];

    /// <summary>The corpus fingerprint over <see cref="ContentFiles"/>; a bad entry changes it but never stops it.</summary>
    public Task<string> FingerprintAsync(CancellationToken cancellationToken) =>
        CorpusFingerprint.ComputeAsync(ContentFiles(), Files, cancellationToken);
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Core.Safety;
using SkinBot.Core.Scope;
using SkinBot.Core.Search;

namespace SkinBot.Core.Engine;

/// <summary>
/// corpus/ → <see cref="KnowledgeBase"/>. Broken articles are skipped (and logged by the loader); a broken
/// synonyms or intents file, or a corpus with no passages, fails the build so the caller keeps what it had.
/// </summary>
/// <param name="options">Engine options (semantic intents on or off); the defaults when not given.</param>
public sealed partial class KnowledgeBaseBuilder(CorpusLoader loader, PassageIndexStore store, ILogger<KnowledgeBaseBuilder> logger, IOptions<EngineOptions>? options = null)
{
    /// <param name="layout">The corpus folder.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <param name="fingerprint">The corpus fingerprint when the caller has just computed it; computed here otherwise.</param>
    public async Task<KnowledgeBase> BuildAsync(CorpusLayout layout, CancellationToken cancellationToken, string? fingerprint = null)
    {
        var clock = Stopwatch.StartNew();
        var stages = new List<(string Stage, TimeSpan Elapsed)>();
        var lap = Stopwatch.StartNew();
        void Stage(string name)
        {
            stages.Add((name, lap.Elapsed));
            lap.Restart();
        }

        if (!Directory.Exists(layout.Root))
        {
            throw new CorpusFormatException(layout.Root, "the corpus folder does not exist");
        }

        // The word list and the catalogs are read on other threads while the articles load: on a cold start most of
        // their cost is the JIT, and the build is what stands between start-up and readiness.
        _ = Task.Run(() => EnglishWords.Count, CancellationToken.None);
        fingerprint ??= await layout.FingerprintAsync(cancellationToken);
        Stage("fingerprint");
        // The safety screen is the largest and slowest catalog to read (two files, about 37,000 phrases into one tree)
        // and only the finished knowledge base needs it, so it is read while the index is built as well.
        var safetyCatalog = Task.Run(() => ReadSafetyAsync(layout, cancellationToken), cancellationToken);
        var catalogs = Task.Run(() => ReadCatalogsAsync(layout, safetyCatalog, cancellationToken), cancellationToken);
        var corpus = await loader.LoadAsync(layout.ArticlesDirectory, layout.Files, cancellationToken);
        Stage("load articles");
        var (intents, synonyms, synonymsText, scope, safetyExamples, disagreementsText) = await catalogs;
        Stage("intents, synonyms and topics");
        // Embedding every crisis example and every intent's needs the catalogs but not the index: done meanwhile too.
        var readers = Task.Run(() => ReadersByMeaning(intents, safetyExamples), cancellationToken);
        try
        {
            if (corpus.Passages.Count == 0)
            {
                throw new CorpusFormatException(layout.ArticlesDirectory, "no article could be loaded, so there is nothing to answer from");
            }

            var disagreements = disagreementsText is null
                ? SourceDisagreements.Empty
                : SourceDisagreements.Parse(disagreementsText, layout.DisagreementsFile, corpus.Passages);
            foreach (var unknown in intents.UnknownSections(corpus.Passages))
            {
                logger.UnknownIntentSection(unknown);
            }

            var analyzer = new SkinBotAnalyzer(synonyms);
            PassageIndex? index = null;
            try
            {
                (index, var built) = store.Open(fingerprint, analyzer, corpus.Passages);
                Stage("passage index");
                var vocabulary = DomainVocabulary.Build(analyzer, corpus.Passages, index, intents, synonymsText);
                Stage("vocabulary");
                var examples = new ExampleIndex(analyzer, vocabulary, intents.File.Intents, intents.File.IgnoreWords);
                var signals = new SignalMatcher(analyzer, vocabulary, intents.File.Intents);
                Stage("intent examples");
                var (semantic, crisisLikeness, crisisModel) = await readers;
                Stage("semantic examples");
                var spelling = new SpellingCorrector(
                    KnownTexts(corpus.Passages, intents, synonymsText),
                    DomainWords(corpus.Passages, intents, synonymsText));
                Stage("spelling");
                var treatments = corpus.Passages
                    .Where(p => p.LeadTerm is not null && vocabulary.TreatmentSettings.ContainsKey(p.Id))
                    .Select(p => new TreatmentTopic(p.LeadTerm!, vocabulary.TreatmentSettings[p.Id]))
                    .DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                    .ToList();
                var safety = await safetyCatalog;
                Stage("safety (read meanwhile)");

                return new KnowledgeBase
                {
                    Fingerprint = fingerprint,
                    Articles = corpus.Articles,
                    Passages = corpus.Passages,
                    Skipped = corpus.Skipped,
                    Analyzer = analyzer,
                    Spelling = spelling,
                    Index = index,
                    Examples = examples,
                    Signals = signals,
                    Intents = intents,
                    Vocabulary = vocabulary,
                    Scope = scope,
                    Disagreements = disagreements,
                    SemanticExamples = semantic,
                    CrisisLikeness = crisisLikeness,
                    CrisisModel = crisisModel,
                    Safety = safety,
                    Treatments = treatments,
                    Built = built,
                    BuildTime = clock.Elapsed,
                    BuildStages = stages,
                };
            }
            catch
            {
                // A failed build must not leave readers and directories open behind it.
                index?.Dispose();
                analyzer.Dispose();
                throw;
            }
        }
        catch
        {
            // Reported as when the files were read one after another: a broken safety.yml before anything that
            // failed after it was read.
            await safetyCatalog;
            throw;
        }
    }

    /// <param name="safety">
    /// safety.yml being read meanwhile: it was read after topics.yml and before the rest, so a broken safety.yml is
    /// reported before a broken intents.yml, and after a broken topics.yml.
    /// </param>
    private static async Task<Catalogs> ReadCatalogsAsync(CorpusLayout layout, Task safety, CancellationToken cancellationToken)
    {
        // A required file that is bad (a pipe, a loop, oversize, binary) fails the build by name, like a malformed one.
        var files = layout.Files;
        var synonymsText = File.Exists(layout.SynonymsFile) ? await files.ReadTextAsync(layout.SynonymsFile, cancellationToken) : string.Empty;
        var intentsText = File.Exists(layout.IntentsFile)
            ? await files.ReadTextAsync(layout.IntentsFile, cancellationToken)
            : throw new CorpusFormatException(layout.IntentsFile, "intents.yml is missing");
        var extraExamples = File.Exists(layout.IntentExamplesFile) ? await files.ReadTextAsync(layout.IntentExamplesFile, cancellationToken) : null;
        var scope = File.Exists(layout.TopicsFile)
            ? ScopeCatalog.Parse(await files.ReadTextAsync(layout.TopicsFile, cancellationToken), layout.TopicsFile)
            : ScopeCatalog.Empty;
        try
        {
            var intents = IntentCatalog.Parse(intentsText, layout.IntentsFile, extraExamples);
            var synonyms = SynonymLoader.Parse(synonymsText, layout.SynonymsFile);
            var safetyExamples = File.Exists(layout.SafetyExamplesFile)
                ? SafetyExamples.Parse(await files.ReadTextAsync(layout.SafetyExamplesFile, cancellationToken), layout.SafetyExamplesFile)
                : SafetyExamples.Empty;
            var disagreements = File.Exists(layout.DisagreementsFile) ? await files.ReadTextAsync(layout.DisagreementsFile, cancellationToken) : null;
            return new Catalogs(intents, synonyms, synonymsText, scope, safetyExamples, disagreements);
        }
        catch
        {
            await safety;
            throw;
        }
    }

    /// <summary>safety.yml with the extra signs of safety-languages.yml: the screen every message goes through first.</summary>
    private static async Task<SafetyCatalog> ReadSafetyAsync(CorpusLayout layout, CancellationToken cancellationToken)
    {
        var files = layout.Files;
        var languageSigns = File.Exists(layout.SafetyLanguagesFile)
            ? new SafetySignsText(await files.ReadTextAsync(layout.SafetyLanguagesFile, cancellationToken), layout.SafetyLanguagesFile)
            : null;
        return File.Exists(layout.SafetyFile)
            ? SafetyCatalog.Parse(await files.ReadTextAsync(layout.SafetyFile, cancellationToken), layout.SafetyFile, languageSigns)
            : throw new CorpusFormatException(layout.SafetyFile, "safety.yml is missing: SkinBot does not answer without its safety screen");
    }

    /// <summary>The intents by meaning (when switched on), the crisis screen by meaning and the crisis model.</summary>
    private (StaticVectorIntentIndex? Semantic, CrisisLikeness? CrisisLikeness, CrisisModel CrisisModel) ReadersByMeaning(IntentCatalog intents, SafetyExamples safetyExamples) =>
        (
            // The first build of a process also reads the shipped word vectors; later builds reuse them.
            (options?.Value ?? new EngineOptions()).SemanticIntents ? StaticVectorIntentIndex.FromEmbedded(intents.File.Intents, intents.File.IgnoreWords) : null,
            // Not switched off with the semantic intents: it is part of the safety screen, not of understanding.
            CrisisLikenessOf(safetyExamples, intents),
            CrisisModel.Embedded);

    /// <summary>
    /// The crisis screen by meaning: crisis examples against look-alikes and the examples of every intent but the
    /// urgent one, which are ordinary questions.
    /// </summary>
    private static CrisisLikeness? CrisisLikenessOf(SafetyExamples examples, IntentCatalog intents) =>
        examples.Crisis.Count == 0
            ? null
            : new CrisisLikeness(
                WordVectors.Embedded,
                examples.Crisis,
                examples.LookAlikes.Concat(intents.File.Intents.Where(i => i.Id != IntentIds.Urgent).SelectMany(i => i.Examples)));

    private sealed record Catalogs(IntentCatalog Intents, SynonymRules Synonyms, string SynonymsText, ScopeCatalog Scope, SafetyExamples SafetyExamples, string? DisagreementsText);

    private static IEnumerable<string> KnownTexts(IEnumerable<Passage> passages, IntentCatalog intents, string synonymsText) =>
        passages.Select(p => p.Text)
            .Concat(intents.File.Intents.SelectMany(i => i.Examples.Concat(i.Signals)))
            .Append(synonymsText);

    /// <summary>What a typo may be corrected into: names of scar types and treatments, synonym spellings, setting cues.</summary>
    private static IEnumerable<string> DomainWords(IEnumerable<Passage> passages, IntentCatalog intents, string synonymsText) =>
        passages.Where(p => p.LeadTerm is not null).SelectMany(p => Words(p.LeadTerm!))
            .Concat(SynonymLoader.Words(synonymsText))
            .Concat(intents.File.Intents.SelectMany(i => i.Signals).Select(SignalMatcher.StripWeight).Where(w => !w.Contains(' ', StringComparison.Ordinal)))
            .Concat(intents.File.DomainTerms)
            .Concat(["pockmark", "pockmarks", "scars", "pitted", "dermatologist", "prevent", "permanent"])
            .Where(w => w.All(char.IsLetter));

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

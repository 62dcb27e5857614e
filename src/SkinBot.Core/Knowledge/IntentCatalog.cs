using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Knowledge;

/// <summary>intents.yml, parsed and checked: every built-in intent present, sections known.</summary>
public sealed class IntentCatalog
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly string[] Required =
    [
        IntentIds.Definition, IntentIds.ScarTypes, IntentIds.Prevention, IntentIds.Permanence,
        IntentIds.TreatmentAtHome, IntentIds.TreatmentInOffice, IntentIds.TreatmentAny,
        IntentIds.GreetingHelp, IntentIds.OutOfScope, IntentIds.Urgent,
    ];

    private IntentCatalog(IntentFile file)
    {
        File = file;
        ById = file.Intents.ToDictionary(i => i.Id, StringComparer.Ordinal);
        OtherLanguages = [.. file.OtherLanguageWords.Select(l => new OtherLanguage(l.Key, new HashSet<string>(l.Value.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal)))];
        EnglishWords = new HashSet<string>(file.EnglishWords.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>The languages SkinBot can tell a message is written in, though it cannot read them.</summary>
    public IReadOnlyList<OtherLanguage> OtherLanguages { get; }

    /// <summary>Common short English words (intents.yml <c>english_words</c>), weighed against another language's.</summary>
    public IReadOnlySet<string> EnglishWords { get; }

    public IntentFile File { get; }

    public IReadOnlyDictionary<string, IntentDefinition> ById { get; }

    public IntentDefinition this[string id] => ById[id];

    public string Caveat => File.Caveat;

    /// <param name="yaml">intents.yml.</param>
    /// <param name="sourceName">For error messages.</param>
    /// <param name="extraExamplesYaml">Optional intent-examples.yml: more utterances per intent id.</param>
    public static IntentCatalog Parse(string yaml, string sourceName = "intents.yml", string? extraExamplesYaml = null)
    {
        var file = CorpusYaml.Deserialize<IntentFile?>(Deserializer, yaml, sourceName) ?? new IntentFile();

        FillEmptyLists(file, sourceName);
        if (!string.IsNullOrWhiteSpace(extraExamplesYaml))
        {
            MergeExamples(file, extraExamplesYaml, Path.Combine(Path.GetDirectoryName(sourceName) ?? string.Empty, "intent-examples.yml"));
        }

        var duplicate = file.Intents.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CorpusFormatException(sourceName, $"intent '{duplicate.Key}' is defined twice");
        }

        var missing = Required.Except(file.Intents.Select(i => i.Id)).ToList();
        if (missing.Count > 0)
        {
            throw new CorpusFormatException(sourceName, $"missing intents: {string.Join(", ", missing)}");
        }

        if (string.IsNullOrWhiteSpace(file.Caveat))
        {
            throw new CorpusFormatException(sourceName, "the 'caveat' text is empty: every substantive answer needs it");
        }

        foreach (var intent in file.Intents)
        {
            if (intent.Id == IntentIds.Urgent && intent.Examples.Count > 0)
            {
                // Urgency has one authority, the safety screen, so that its tiers cannot be bypassed by a look-alike example.
                throw new CorpusFormatException(sourceName, "intent 'urgent' takes no examples: safety.yml decides what is urgent");
            }

            if (intent.Examples.Count == 0 && intent.Id != IntentIds.Urgent)
            {
                throw new CorpusFormatException(sourceName, $"intent '{intent.Id}' has no examples");
            }

            if (intent.Setting is not null && intent.TreatmentSetting is null)
            {
                throw new CorpusFormatException(sourceName, $"intent '{intent.Id}' has unknown setting '{intent.Setting}'");
            }
        }

        return new IntentCatalog(file);
    }

    /// <summary>
    /// YAML reads an empty key ("examples:") or list item ("- ") as null. An editor's half-finished line means
    /// "nothing here", so it becomes an empty list and the checks below say what is missing, instead of a
    /// NullReferenceException escaping the build (and the indexing worker) later.
    /// </summary>
    private static void FillEmptyLists(IntentFile file, string sourceName)
    {
        file.Intents ??= [];
        file.DomainTerms = [.. (file.DomainTerms ?? []).Where(w => !string.IsNullOrWhiteSpace(w))];
        file.IgnoreWords = [.. (file.IgnoreWords ?? []).Where(w => !string.IsNullOrWhiteSpace(w))];
        file.EverydayWords = [.. (file.EverydayWords ?? []).Where(w => !string.IsNullOrWhiteSpace(w))];
        file.FaceWords = [.. (file.FaceWords ?? []).Where(w => !string.IsNullOrWhiteSpace(w))];
        file.DescriptiveWords = (file.DescriptiveWords ?? [])
            .Where(w => !string.IsNullOrWhiteSpace(w.Key) && !string.IsNullOrWhiteSpace(w.Value))
            .ToDictionary(w => w.Key.Trim().ToLowerInvariant(), w => w.Value.Trim(), StringComparer.Ordinal);
        file.Shorthand = (file.Shorthand ?? [])
            .Where(w => !string.IsNullOrWhiteSpace(w.Key) && !string.IsNullOrWhiteSpace(w.Value))
            .ToDictionary(w => w.Key.Trim().ToLowerInvariant(), w => w.Value.Trim(), StringComparer.Ordinal);
        var blank = file.Intents.FindIndex(i => i is null || string.IsNullOrWhiteSpace(i.Id));
        if (blank >= 0)
        {
            throw new CorpusFormatException(sourceName, $"intent number {blank + 1} has no id");
        }

        foreach (var intent in file.Intents)
        {
            intent.Sections = [.. (intent.Sections ?? []).Where(v => !string.IsNullOrWhiteSpace(v))];
            intent.Signals = [.. (intent.Signals ?? []).Where(v => !string.IsNullOrWhiteSpace(v))];
            intent.Examples = [.. (intent.Examples ?? []).Where(v => !string.IsNullOrWhiteSpace(v))];
        }
    }

    private static void MergeExamples(IntentFile file, string yaml, string sourceName)
    {
        var extra = CorpusYaml.Deserialize<ExampleFile?>(Deserializer, yaml, sourceName) ?? new ExampleFile();

        foreach (var (id, examples) in extra.Examples ?? [])
        {
            var intent = file.Intents.FirstOrDefault(i => i.Id == id)
                ?? throw new CorpusFormatException(sourceName, $"examples for unknown intent '{id}'");
            intent.Examples.AddRange((examples ?? []).Where(e => !string.IsNullOrWhiteSpace(e)));
        }
    }

    private sealed class ExampleFile
    {
        public Dictionary<string, List<string>> Examples { get; set; } = [];
    }

    /// <summary>Sections named by intents that the corpus does not have: a typo here would silently empty answers.</summary>
    public IEnumerable<string> UnknownSections(IEnumerable<Passage> passages)
    {
        var known = passages.SelectMany(p => p.SectionIds).ToHashSet(StringComparer.Ordinal);
        return File.Intents.SelectMany(i => i.Sections.Select(s => $"{i.Id}: {s}")).Where(s => !known.Contains(s[(s.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }
}

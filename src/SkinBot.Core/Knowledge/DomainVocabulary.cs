using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Search;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// The analysed terms that carry meaning for intent decisions, all derived from data: which terms name a
/// scar type or a treatment (from lead terms and synonym groups), which say "at home" or "in office"
/// (intent cues), and which mark a message as being about scarring at all.
/// </summary>
public sealed class DomainVocabulary
{
    /// <summary>Words too common in this corpus to name one treatment.</summary>
    private static readonly string[] GenericWords =
        ["pockmark", "pockmarks", "scar", "scars", "acne", "skin", "treatment", "treatments", "collagen", "dermatologist", "doctor", "other", "others", "best", "option", "options"];

    private static readonly string[] QuestionWords = ["what", "how", "why", "which", "when", "where", "who", "can", "could", "will", "would", "should", "is", "are", "does", "do", "there"];

    // The words that only name SkinBot's subject: "can you answer questions about acne scars?" asks about the bot.
    private static readonly string[] SubjectNameWords = ["scar", "scars", "pockmark", "acne", "pitted", "pits", "skin"];

    // Subcision is done for nothing but scars, so naming it says what the message is about ("what is subcision? is it like surgery?").
    private static readonly string[] SpecificWords = ["pockmark", "acne", "pitted", "pit", "indented", "dent", "divot", "crater", "pimple", "cystic", "breakout", "subcision"];

    /// <summary>Words that on their own make a message about pitted scarring.</summary>
    private static readonly string[] CoreDomainWords =
        ["pockmark", "scar", "scarring", "acne", "pitted", "collagen", "pimple", "cyst", "dermatologist"];

    /// <summary>How many passages one treatment name keeps (the first ones in corpus order).</summary>
    private const int MaxPassagesPerName = 16;

    public required IReadOnlyDictionary<string, ScarType> ScarTypeTerms { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<Passage>> TreatmentTerms { get; init; }

    public required IReadOnlyDictionary<string, TreatmentSetting> SettingCues { get; init; }

    /// <summary>Terms that make a message about pitted scarring: core words, synonym groups, scar types, treatments.</summary>
    public required IReadOnlySet<string> DomainTerms { get; init; }

    /// <summary>Domain terms with an everyday sense: about scarring only beside another skin or scarring term.</summary>
    public required IReadOnlySet<string> EverydayTerms { get; init; }

    /// <summary>Parts of the face: they make an everyday term about scarring, as another skin term does.</summary>
    public required IReadOnlySet<string> FaceTerms { get; init; }

    /// <summary>Terms only pitted acne scarring has (pockmark, acne, pitted, scar-type names): they keep a message in scope
    /// even when it also mentions something out of scope.</summary>
    public required IReadOnlySet<string> SpecificTerms { get; init; }

    /// <summary>
    /// Terms that say nothing about which passage to quote: intents.yml's ignore_words, question words and the
    /// setting words ("what can I do at home" should list the at-home options in the article's order, not put
    /// first whichever bullet happens to say "can" and "home" most).
    /// </summary>
    public required IReadOnlySet<string> NonRankingTerms { get; init; }

    /// <summary>"scar", "pockmark" and their spellings.</summary>
    public required IReadOnlySet<string> ScarTerms { get; init; }

    /// <summary>"pits", "dents", "craters": the shape of a pitted scar named without the word scar.</summary>
    public required IReadOnlySet<string> PitTerms { get; init; }

    /// <summary>"acne scars", "pockmarks", "skin": words that name SkinBot's subject without asking anything about it.</summary>
    public required IReadOnlySet<string> SubjectNameTerms { get; init; }

    /// <summary>Terms that are about skin in general (intents.yml domain_terms): relevant, but not enough on their own.</summary>
    public required IReadOnlySet<string> RelatedTerms { get; init; }

    /// <summary>Every term of the greeting and help intent's examples and signals ("hi", "thanks", "what can you do").</summary>
    public required IReadOnlySet<string> PleasantryTerms { get; init; }

    /// <summary>Rewrites words that describe skin but stem like a treatment name ("peeling" → "flaking").</summary>
    public required Text.WordRewriter DescriptiveWords { get; init; }

    /// <summary>Rewrites chat shorthand into the words it stands for ("hw" → "how", "b4" → "before").</summary>
    public Text.WordRewriter Shorthand { get; init; } = Text.WordRewriter.None;

    /// <summary>Scar type → its passage.</summary>
    public required IReadOnlyDictionary<ScarType, Passage> ScarTypePassages { get; init; }

    /// <summary>Treatment passage id → the list it is in.</summary>
    public required IReadOnlyDictionary<string, TreatmentSetting> TreatmentSettings { get; init; }

    public static DomainVocabulary Build(SkinBotAnalyzer analyzer, IReadOnlyList<Passage> passages, PassageIndex index, IntentCatalog intents, string synonymsText)
    {
        HashSet<string> Analyse(IEnumerable<string> words) => [.. words.SelectMany(analyzer.Terms)];

        // Lead terms repeat across articles ("Retinol" in every treatment list): analyse each text once.
        var analysed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> TermsOf(string text) => analysed.TryGetValue(text, out var terms) ? terms : analysed[text] = analyzer.Terms(text);
        var generic = Analyse(GenericWords);
        var canonical = Analyse(SynonymCanonicals(synonymsText));

        var settingBySection = new Dictionary<string, TreatmentSetting>(StringComparer.Ordinal);
        var settingCues = new Dictionary<string, TreatmentSetting>(StringComparer.Ordinal);
        foreach (var intent in intents.File.Intents)
        {
            if (intent.TreatmentSetting is not { } setting)
            {
                continue;
            }

            intent.Sections.ForEach(s => settingBySection[s] = setting);
            // One-word signals of a setting intent ("home", "derm") say which setting a question means.
            foreach (var signal in intent.Signals.Select(SignalMatcher.StripWeight).Select(analyzer.Terms).Where(t => t.Count == 1))
            {
                settingCues.TryAdd(signal[0], setting);
            }
        }

        var treatmentSettings = new Dictionary<string, TreatmentSetting>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            var section = passage.SectionIds.LastOrDefault(settingBySection.ContainsKey);
            if (section is not null)
            {
                treatmentSettings[passage.Id] = settingBySection[section];
            }
        }

        var treatmentPassages = passages.Where(p => treatmentSettings.ContainsKey(p.Id)).ToList();
        var excluded = new HashSet<string>(generic);
        excluded.UnionWith(settingCues.Keys);
        var treatmentTerms = new Dictionary<string, List<Passage>>(StringComparer.Ordinal);
        void Name(string term, Passage passage)
        {
            // One-letter terms ("c" of "vitamin c") would name a treatment in "C-section".
            if (term.Length > 2 && !excluded.Contains(term))
            {
                var list = treatmentTerms.TryGetValue(term, out var existing) ? existing : treatmentTerms[term] = [];
                // Passages arrive in corpus order, so a duplicate can only be the last one added. A name is answered
                // from its first few passages, so a large corpus keeps a bounded list per name.
                if (list.Count < MaxPassagesPerName && (list.Count == 0 || list[^1] != passage))
                {
                    list.Add(passage);
                }
            }
        }

        foreach (var passage in treatmentPassages)
        {
            foreach (var term in TermsOf(passage.LeadTerm ?? string.Empty))
            {
                Name(term, passage);
            }
        }

        // A synonym group's canonical term that appears in exactly one treatment passage names that passage
        // ("dermabrasion", "filler" → Others), unless a lead term already claims it.
        foreach (var term in canonical.Where(t => !treatmentTerms.ContainsKey(t)))
        {
            var holders = index.Containing(term, settingBySection.Keys, max: 2);
            if (holders.Count == 1)
            {
                Name(term, holders[0]);
            }
        }

        var scarTypeTerms = new Dictionary<string, ScarType>(StringComparer.Ordinal);
        var scarTypePassages = new Dictionary<ScarType, Passage>();
        foreach (var passage in passages.Where(p => p.LeadTerm is not null && p.Kind == BlockKind.Bullet))
        {
            if (ScarTypeNames.Parse(passage.LeadTerm) is { } type && !treatmentSettings.ContainsKey(passage.Id))
            {
                scarTypePassages.TryAdd(type, passage);
                foreach (var term in TermsOf(passage.LeadTerm!).Where(t => !generic.Contains(t)))
                {
                    scarTypeTerms.TryAdd(term, type);
                }
            }
        }

        var domain = Analyse(CoreDomainWords);
        domain.UnionWith(canonical);
        domain.UnionWith(treatmentTerms.Keys);
        domain.UnionWith(scarTypeTerms.Keys);
        var everyday = Analyse(intents.File.EverydayWords);
        // An everyday word is a domain word with a second sense ("a dent in the car"): it counts, with company.
        domain.UnionWith(everyday);

        return new DomainVocabulary
        {
            ScarTypeTerms = scarTypeTerms,
            TreatmentTerms = treatmentTerms.ToDictionary(t => t.Key, t => (IReadOnlyList<Passage>)t.Value, StringComparer.Ordinal),
            SettingCues = settingCues,
            DomainTerms = domain,
            RelatedTerms = Analyse(intents.File.DomainTerms),
            EverydayTerms = everyday,
            FaceTerms = Analyse(intents.File.FaceWords),
            ScarTerms = Analyse(["scar", "scars", "pockmark"]),
            PitTerms = Analyse(["pit", "pits", "pitted", "dent", "dents", "divot", "crater", "craters", "indented"]),
            SubjectNameTerms = Analyse(SubjectNameWords),
            NonRankingTerms = new HashSet<string>([.. Analyse(intents.File.IgnoreWords.Concat(QuestionWords)), .. settingCues.Keys], StringComparer.Ordinal),
            SpecificTerms = new HashSet<string>([.. Analyse(SpecificWords), .. scarTypeTerms.Keys], StringComparer.Ordinal),
            ScarTypePassages = scarTypePassages,
            DescriptiveWords = new Text.WordRewriter(new Dictionary<string, string>(intents.File.DescriptiveWords, StringComparer.Ordinal)),
            Shorthand = new Text.WordRewriter(new Dictionary<string, string>(intents.File.Shorthand, StringComparer.Ordinal)),
            PleasantryTerms = Analyse(intents.File.Intents.Where(i => i.Id == IntentIds.GreetingHelp).SelectMany(i => i.Examples.Concat(i.Signals.Select(SignalMatcher.StripWeight)))),
            TreatmentSettings = treatmentSettings,
        };
    }

    /// <summary>The spelling every synonym line maps to (its first entry, or the right of "=>"): the names the corpus is searched by.</summary>
    private static IEnumerable<string> SynonymCanonicals(string synonymsText) =>
        synonymsText.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Contains("=>", StringComparison.Ordinal) ? line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim() : line.Split(',')[0].Trim());
}

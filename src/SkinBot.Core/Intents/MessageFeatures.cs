using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Intents;

/// <summary>What a message names, read off its analysed terms with the domain vocabulary.</summary>
public sealed partial record MessageFeatures(
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> MaskedTerms,
    IReadOnlyList<ScarType> ScarTypes,
    IReadOnlyList<Passage> Treatments,
    TreatmentSetting? TreatmentsSetting,
    TreatmentSetting? Setting,
    bool AboutScarring,
    bool AboutSkin,
    bool AboutPockmarks,
    IReadOnlyDictionary<string, int> Signals,
    int UnknownTerms,
    bool Noise,
    double KnownTermShare)
{
    /// <summary>The message says "scar" (or a synonym group that means one), not just skin.</summary>
    public bool MentionsScar { get; init; }

    /// <summary>As many terms as a follow-up to the previous answer has ("and rolling?", "what about rolling ones").</summary>
    private const int FollowUpTerms = 4;

    /// <summary>Weighted out-of-scope signals ("keloid", "tattoo", "python").</summary>
    public int OutOfScopeSignals => Signals.GetValueOrDefault(IntentIds.OutOfScope);

    /// <summary>Terms that turn the setting word after them around: "without a clinic", "can't afford a derm".</summary>
    private static readonly HashSet<string> SettingNegations = new(StringComparer.Ordinal) { "without", "afford", "avoid", "skip", "instead", "no" };

    /// <summary>
    /// Words just after a setting cue that take it back without pointing to the other setting: "budget isn't an issue",
    /// "money is no object", "home is not an option", "at home or whatever" say nothing about where the treatment should happen.
    /// </summary>
    private static readonly HashSet<string> CueRetractions = new(StringComparer.Ordinal) { "isnt", "isn't", "not", "no", "aint", "ain't", "wasnt", "wasn't", "whatev", "whatever" };

    /// <summary>
    /// Analysed words just after a setting cue that make it the source of what the person heard, not where they want
    /// treatment: "his dermatologist told us he has ice pick scars, which treatments work best?" asks about every
    /// treatment for the type, and "my derm put me on adapalene" about a cream.
    /// </summary>
    private static readonly HashSet<string> ReportingWords = new(StringComparer.Ordinal)
    {
        "told", "said", "sai", "say", "mention", "think", "diagnos", "explain", "reckon", "call", "prescrib", "put", "gave", "suggest", "recommend",
    };

    /// <summary>
    /// Analysed words just before "myself" that make it about how the person sees or feels about themselves, not who
    /// would do the treatment: "I hate every photo of myself" asks nothing about doing it at home.
    /// </summary>
    private static readonly HashSet<string> SelfRegardWords = new(StringComparer.Ordinal)
    {
        "hate", "photo", "pictur", "pic", "pics", "selfi", "look", "see", "feel", "love", "accept", "blame", "compar", "mirror", "video", "proud", "asham", "embarrass",
    };

    /// <summary>How many words of each setting the message has; a negated one counts for the other setting.</summary>
    private static (int Home, int Office) CountSettingCues(IReadOnlyList<string> terms, DomainVocabulary vocabulary)
    {
        int home = 0, office = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            if (!vocabulary.SettingCues.TryGetValue(terms[i], out var cue))
            {
                continue;
            }

            if ((i + 1 < terms.Count && CueRetractions.Contains(terms[i + 1])) || (i + 2 < terms.Count && CueRetractions.Contains(terms[i + 2])))
            {
                continue;
            }

            if (terms[i] == "myself" && i > 0 && SelfRegardWords.Contains(terms[i - 1]))
            {
                continue;
            }

            if (cue == TreatmentSetting.InOffice && i + 1 < terms.Count && ReportingWords.Contains(terms[i + 1]))
            {
                continue;
            }

            var negated = (i > 0 && SettingNegations.Contains(terms[i - 1])) || (i > 1 && SettingNegations.Contains(terms[i - 2]));
            var atHome = cue == TreatmentSetting.AtHome;
            if (atHome != negated)
            {
                home++;
            }
            else
            {
                office++;
            }
        }

        return (home, office);
    }

    /// <param name="terms">Analysed terms of the message.</param>
    /// <param name="text">The message as normalised, to tell words from noise.</param>
    public static MessageFeatures Read(IReadOnlyList<string> terms, KnowledgeBase knowledge, string text = "")
    {
        var vocabulary = knowledge.Vocabulary;
        var aboutScarring = NamesScarring(terms, vocabulary);
        // "before we roll it out" names no scar type: a scar type's everyday word counts only in a message about scarring
        // (the synonyms fold "rolling scars" into one term, so the written word "scar" counts too) or in a follow-up of a
        // few words ("and rolling?").
        var saysScar = aboutScarring || terms.Count <= FollowUpTerms || ScarWord().IsMatch(text);
        var scarTypes = terms.Where(t => vocabulary.ScarTypeTerms.ContainsKey(t) && (saysScar || !vocabulary.EverydayTerms.Contains(t))).Select(t => vocabulary.ScarTypeTerms[t]).Distinct().ToList();
        // "revising for my mocks" names no scar revision: a treatment's everyday word counts only where a scar type's does.
        var treatments = terms.Where(t => saysScar || !vocabulary.EverydayTerms.Contains(t)).SelectMany(t => vocabulary.TreatmentTerms.GetValueOrDefault(t) ?? []).Distinct().ToList();
        var treatmentSettings = treatments.Select(p => vocabulary.TreatmentSettings[p.Id]).Distinct().ToList();
        var (home, office) = CountSettingCues(terms, vocabulary);
        // As many at-home as in-office words ("creams or a doctor?") is a question about all options.
        TreatmentSetting? setting = home > office ? TreatmentSetting.AtHome
            : office > home ? TreatmentSetting.InOffice
            : home > 0 ? TreatmentSetting.All
            : null;
        // Question words and the words examples ignore ("ok", "how", "those") are SkinBot's own too, though no example is matched on them.
        var knownTerms = terms.Count(t => knowledge.Examples.Knows(t) || knowledge.Signals.Knows(t) || knowledge.Index.Contains(t) || vocabulary.NonRankingTerms.Contains(t));
        var known = terms.Count == 0 ? 0 : knownTerms / (double)terms.Count;
        // No word SkinBot recognises at all ("yo", "heeelp", "asdf"): noise rather than a question about something else.
        var noise = !WordPattern().Matches(text).Any(m => m.Length > 1 && knowledge.Spelling.IsKnownWord(m.Value));
        var masked = TermMasker.Mask(terms, vocabulary);
        var signals = knowledge.Signals.Count(masked);
        return new MessageFeatures(
            terms,
            masked,
            scarTypes,
            treatments,
            treatmentSettings.Count == 1 ? treatmentSettings[0] : (TreatmentSetting?)null,
            setting,
            aboutScarring,
            aboutScarring || terms.Any(t => vocabulary.RelatedTerms.Contains(t) && !vocabulary.EverydayTerms.Contains(t)),
            // "a dent in my car" is not about pockmarks; "a dent in my cheek" is.
            terms.Any(t => vocabulary.SpecificTerms.Contains(t) && (aboutScarring || !vocabulary.EverydayTerms.Contains(t))),
            signals,
            terms.Count - knownTerms,
            noise,
            known)
        {
            MentionsScar = terms.Any(vocabulary.ScarTerms.Contains),
        };
    }

    /// <summary>
    /// A domain term says the message is about scarring, except one with an everyday sense ("should we pick a film"),
    /// which needs another skin or scarring term beside it ("I pick my spots").
    /// </summary>
    private static bool NamesScarring(IReadOnlyList<string> terms, DomainVocabulary vocabulary)
    {
        var everydayOnly = false;
        foreach (var term in terms)
        {
            if (vocabulary.EverydayTerms.Contains(term))
            {
                everydayOnly |= vocabulary.DomainTerms.Contains(term);
            }
            else if (vocabulary.DomainTerms.Contains(term))
            {
                return true;
            }
        }

        return everydayOnly && terms.Any(t => !vocabulary.EverydayTerms.Contains(t) && (vocabulary.RelatedTerms.Contains(t) || vocabulary.FaceTerms.Contains(t)));
    }

    // "scars", not "scared" or "scarf".
    [System.Text.RegularExpressions.GeneratedRegex(@"\bscar(s|red|ring)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ScarWord();

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{L}+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WordPattern();
}

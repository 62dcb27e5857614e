using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Core.Safety;
using SkinBot.Core.Scope;
using SkinBot.Core.Search;
using SkinBot.Core.Text;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// Everything one corpus version needs to answer: passages and their Lucene index, intents and their example
/// index, the analysis and the domain vocabulary. Immutable once built; replaced whole when the corpus changes.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    public required string Fingerprint { get; init; }

    public required IReadOnlyList<ArticleDocument> Articles { get; init; }

    public required IReadOnlyList<Passage> Passages { get; init; }

    public required IReadOnlyList<CorpusFormatException> Skipped { get; init; }

    public required SkinBotAnalyzer Analyzer { get; init; }

    public required SpellingCorrector Spelling { get; init; }

    public required PassageIndex Index { get; init; }

    public required ExampleIndex Examples { get; init; }

    public required SignalMatcher Signals { get; init; }

    public required IntentCatalog Intents { get; init; }

    public required DomainVocabulary Vocabulary { get; init; }

    /// <summary>The safety screen (safety.yml), read before anything else.</summary>
    public required SafetyCatalog Safety { get; init; }

    /// <summary>
    /// The crisis screen by meaning (safety-examples.yml), read after the signs of <see cref="Safety"/>; null when
    /// the corpus has no crisis examples. Switching the semantic intents off leaves it on: it is part of the screen.
    /// </summary>
    public CrisisLikeness? CrisisLikeness { get; init; }

    /// <summary>
    /// The crisis screen by model (crisis-model.bin), read when neither the signs nor the reading by meaning found a
    /// crisis; null only where a test leaves it out.
    /// </summary>
    public CrisisModel? CrisisModel { get; init; }

    public CrisisModelTuning CrisisModelTuning { get; init; } = CrisisModelTuning.Default;

    /// <summary>Where the sources differ (disagreements.yml).</summary>
    public SourceDisagreements Disagreements { get; init; } = SourceDisagreements.Empty;

    /// <summary>Subjects outside pockmarks (topics.yml).</summary>
    public ScopeCatalog Scope { get; init; } = ScopeCatalog.Empty;

    /// <summary>Intent examples as sentence vectors, when the semantic model is available.</summary>
    public ISemanticIntentIndex? SemanticExamples { get; init; }

    public required IReadOnlyList<TreatmentTopic> Treatments { get; init; }

    /// <summary>False when the index was reopened from disk for an unchanged corpus.</summary>
    public required bool Built { get; init; }

    public required TimeSpan BuildTime { get; init; }

    /// <summary>Where the build time went, stage by stage (for <c>skinbot index</c> and tuning).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> BuildStages { get; init; } = [];

    /// <summary>
    /// The most urgent sign the text shows: the signs of safety.yml first; when none of them shows a crisis, a clause
    /// that reads like a crisis example, or that the crisis model reads as one, makes it a crisis. Beside a sign of
    /// another tier (spreading redness and chills after subcision) such a reading is only a guess ("i woke up with
    /// chills" read like "tired of waking up") while the sign is plain, so that tier's reply stands and carries the
    /// crisis lines too: the person who needs a doctor today gets that, and the one who also meant the darker thing
    /// still gets where to turn.
    /// </summary>
    /// <param name="text">The message.</param>
    /// <param name="afterCrisis">
    /// Whether the conversation just got the crisis reply. Then a message that takes back its own crisis words ("im not
    /// actually suicidal, its just how we talk") is answered as usual; otherwise, unless a tier's own crisis sign shows: a safe sign ("i
    /// called them") leaves the message to be answered as usual; an after_crisis sign ("i mean it", "nobody picks up")
    /// gets the after-crisis reply, which answers what was said rather than repeating itself; a plain medical sign keeps
    /// its reply with the crisis lines; a message about skin is read as usual; and any other message gets the
    /// after-crisis reply.
    /// </param>
    /// <param name="afterNearMiss">
    /// Whether the message before this one came near a crisis reading without getting one (<see cref="SafetyScreening.NearMiss"/>):
    /// then a sign that says it was meant ("no fr tho", "i wasnt joking") gets the crisis reply, ahead of a medical sign.
    /// </param>
    public SafetyVerdict? ScreenSafety(string text, bool afterCrisis = false, bool afterNearMiss = false) =>
        Screen(text, afterCrisis, afterNearMiss).Verdict;

    /// <summary>
    /// <see cref="ScreenSafety"/>, and for a message that gets no verdict outside a crisis conversation, how it came
    /// near a crisis reading, in the same pass: a crisis sign one of its look-alikes cancelled ("i wanna die lol"),
    /// words of dying, killing or disappearing ("the itch is gonna be the death of me", safety.yml after_near_miss
    /// <c>near_words</c>), or a reading the crisis model put at <see cref="CrisisModelTuning.NearMiss"/> or more. The
    /// conversation remembers a near miss, and only the message right after it is read for saying it was meant.
    /// </summary>
    /// <param name="subjects">
    /// What earlier messages of the conversation named (<see cref="SafetyScreening.Subjects"/>): a message that shows no
    /// sign alone is read with each for the medical tiers ("got it this morning, the skin went white" after a question
    /// about filler), and the most urgent reading stands. A subject the message names itself is read the same way in
    /// its later sentences ("bought lip filler online... two hours later my top lip has gone white").
    /// </param>
    /// <param name="afterMedical">
    /// The tier of a medical go-to-care reply the conversation got within <see cref="Engine.EngineOptions.AfterMedicalWindow"/>,
    /// or <see cref="Urgency.None"/>: then a message that shows no sign and says the advice is still needed ("ill go
    /// eventually"), or neither says it was seen to ("the gp gave me antibiotics", "ok going now") nor asks about scars,
    /// gets that tier's reply again (safety.yml <c>after_medical</c>).
    /// </param>
    public SafetyScreening Screen(string text, bool afterCrisis = false, bool afterNearMiss = false, IReadOnlyList<CarriedSubject>? subjects = null, Urgency afterMedical = Urgency.None)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spelled = Safety.SpellEmoji(text);
        var named = Safety.NamedSubjects(spelled);
        var screening = ScreenSpelled(text, spelled, afterCrisis, afterNearMiss, subjects ?? [], named, afterMedical);
        if (screening.Verdict is { } told && !afterCrisis && !afterNearMiss && afterMedical == Urgency.None && Safety.TellsAsOver(spelled) is not null
            && Safety.SaysOfNow(spelled) is var now && ScreenSpelled(now, now, afterCrisis: false, afterNearMiss: false, [], [], Urgency.None).Verdict is null)
        {
            // "Survived an attempt at 17, doing really well now. what are my options?" is answered, with where help is
            // beside it; a crisis named so is still a near miss, so the next message is read for saying it is back.
            screening = new SafetyScreening(null, told.Urgency == Urgency.Crisis ? told.MatchedWords : null) { ToldAsOver = told.Urgency };
        }

        return named.Count > 0 ? screening with { Subjects = named } : screening;
    }

    private SafetyScreening ScreenSpelled(string text, string spelled, bool afterCrisis, bool afterNearMiss, IReadOnlyList<CarriedSubject> subjects, IReadOnlyList<CarriedSubject> named, Urgency afterMedical)
    {
        var signs = Safety.ReadSpelled(spelled, SafetyCatalog.IsEmojiOnly(text));
        var verdict = signs.Verdict
            ?? WithSubjects(spelled, subjects)
            ?? Safety.ScreenWithOwnSubjects(spelled, named)
            ?? AfterMedical(text, spelled, afterMedical, afterCrisis);
        if (verdict?.Urgency == Urgency.Crisis)
        {
            // "lol no im not gonna off myself, i meant my chem grade" names its crisis words only to take them back.
            return new SafetyScreening(afterCrisis && Safety.TakesBackAfterCrisis(spelled) ? null : verdict);
        }

        if (afterNearMiss && !afterCrisis && Safety.ScreenAfterNearMiss(spelled) is { } meant)
        {
            return new SafetyScreening(meant);
        }

        var after = afterCrisis ? Safety.AfterCrisis : null;
        if (after is not null)
        {
            // "I'm safe, my husband is home tonight" first: its words name no danger, whatever "tonight" says alone.
            if (Safety.SaysSafeAfterCrisis(spelled))
            {
                return new SafetyScreening(verdict);
            }

            if (Safety.ScreenAfterCrisis(spelled) is { } followUp)
            {
                return new SafetyScreening(followUp);
            }

            if (verdict is not null)
            {
                // A plain medical sign keeps its own reply, with the crisis lines beside it.
                return new SafetyScreening(verdict with { CrisisReading = "after the crisis reply" });
            }

            if (!AsksAboutSkin(text))
            {
                // After the crisis reply the danger is assumed to go on until the person says they are safe or asks about skin.
                return new SafetyScreening(new SafetyVerdict(after.Tier, AfterCrisisReading.NoWordOfSafety, text.Length > MaxQuotedLength ? text[..MaxQuotedLength] : text));
            }
        }

        // Only an ordinary message outside a crisis conversation can be a near miss: after a crisis reply the next
        // messages are read against that already.
        var readsNearMiss = verdict is null && !afterCrisis;
        if (CrisisLikeness?.Find(spelled) is { } likeness)
        {
            return Crisis(CrisisLikeness.Sign, likeness.Describe());
        }

        var modelled = CrisisModel?.Read(
            text,
            ClauseSplitter.Split(text, CrisisModelTuning.MinimumClauseWords),
            CrisisModelTuning.Threshold,
            CrisisThresholdFor,
            readsNearMiss ? CrisisModelTuning.NearMiss : double.PositiveInfinity);
        if (modelled?.Found is { } found)
        {
            return Crisis(CrisisModel.Sign, found.Describe());
        }

        return new SafetyScreening(verdict, readsNearMiss ? NearMiss(signs, spelled, modelled?.Near) : null);

        // After a crisis reply a medical verdict has already been returned, so only a verdict-less message gets here then.
        SafetyScreening Crisis(SafetySign sign, string reading) => new(verdict is null
            ? new SafetyVerdict(after?.Tier ?? Safety[Urgency.Crisis], sign, reading)
            : verdict with { CrisisReading = reading });
    }

    /// <summary>
    /// After a medical tier's reply, outside a crisis conversation (whose own reading comes first): that tier's reply
    /// again for a message that says it is still needed, or that neither says it was seen to nor asks about scars, or null.
    /// </summary>
    private SafetyVerdict? AfterMedical(string text, string spelled, Urgency tier, bool afterCrisis)
    {
        if (tier is Urgency.None or Urgency.Crisis || afterCrisis || Safety.AfterMedical is not { } after)
        {
            return null;
        }

        var care = Safety.ReadAfterMedical(spelled);
        if (care == AfterMedicalCare.SeenTo || (care == AfterMedicalCare.Unsaid && AsksAboutScars(text)))
        {
            return null;
        }

        return new SafetyVerdict(after[tier], AfterMedicalReading.NoWordOfCare, text.Length > MaxQuotedLength ? text[..MaxQuotedLength] : text);
    }

    /// <summary>The most urgent medical sign the text shows read with any of the subjects earlier messages named, or null.</summary>
    private SafetyVerdict? WithSubjects(string spelled, IReadOnlyList<CarriedSubject> subjects)
    {
        SafetyVerdict? found = null;
        foreach (var subject in subjects)
        {
            if (Safety.ScreenWithSubject(spelled, subject) is { } verdict && (found is null || verdict.Urgency > found.Urgency))
            {
                found = verdict;
            }
        }

        return found;
    }

    /// <summary>How a message that showed no sign came near a crisis reading (--explain prints it; the conversation keeps only that it did), or null.</summary>
    private string? NearMiss(SignReading signs, string spelled, CrisisModelMatch? modelled)
    {
        if (signs.CancelledCrisisSign is { } cancelled)
        {
            return $"sign {cancelled.Sign.Name} (\"{cancelled.MatchedWords}\") cancelled by a look-alike";
        }

        if (Safety.NearWord(spelled) is { } word)
        {
            return $"it speaks of dying, killing or disappearing (\"{word}\")";
        }

        return modelled?.Describe();
    }

    /// <summary>
    /// Whether a message asks about scars or pits themselves ("ok. and will it scar?", "do boxcar scars go away"), not
    /// a product or treatment that may be what went wrong ("can i put antibiotic cream on it", "the peel did that").
    /// </summary>
    private bool AsksAboutScars(string text) =>
        Analyzer.Terms(text).Any(t => Vocabulary.ScarTerms.Contains(t) || Vocabulary.ScarTypeTerms.ContainsKey(t) || Vocabulary.PitTerms.Contains(t));

    /// <summary>
    /// Whether a message names SkinBot's subject: pitted scars, a scar type or a treatment ("whats the best sunscreen
    /// after microneedling"), not a word with an everyday sense ("pick", "pop").
    /// </summary>
    private bool AsksAboutSkin(string text) =>
        Analyzer.Terms(text).Any(t => Vocabulary.SpecificTerms.Contains(t) || (Vocabulary.DomainTerms.Contains(t) && !Vocabulary.EverydayTerms.Contains(t)));

    /// <summary>The longest quote of a message kept for --explain when no sign names its words.</summary>
    private const int MaxQuotedLength = 80;

    private double CrisisThresholdFor(string reading) =>
        Analyzer.Terms(reading).Any(Vocabulary.SpecificTerms.Contains) ? CrisisModelTuning.SkinTalkThreshold : CrisisModelTuning.Threshold;

    public void Dispose()
    {
        Index.Dispose();
        Analyzer.Dispose();
    }
}

using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Safety;
using SkinBot.Core.Scope;

namespace SkinBot.Core.Intents;

/// <summary>What the classifier concluded about one message.</summary>
/// <param name="Intent">The intent id.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="LowConfidence">Not sure enough to answer: offer <paramref name="Nearest"/> instead.</param>
/// <param name="ScarTypes">The scar types the message names.</param>
/// <param name="Treatments">Treatment passages the message names ("retinol" → the Retinol bullet).</param>
/// <param name="Nearest">The closest substantive intents, best first, for a low-confidence reply.</param>
/// <param name="Terms">The analysed question, for ranking passages.</param>
public sealed record IntentDecision(
    string Intent,
    double Confidence,
    bool LowConfidence,
    IReadOnlyList<ScarType> ScarTypes,
    IReadOnlyList<Passage> Treatments,
    IReadOnlyList<string> Nearest,
    IReadOnlyList<string> Terms)
{
    /// <summary>The safety tier when the message showed urgent signs (then <see cref="Intent"/> is urgent).</summary>
    public Urgency Urgency { get; init; }

    /// <summary>The sign the safety screen saw, when it decided (for --explain and the reply's tier).</summary>
    public SafetyVerdict? Safety { get; init; }

    /// <summary>The subject SkinBot does not cover that the message is about, when that decided it.</summary>
    public ScopeVerdict? Scope { get; init; }

    /// <summary>The language other than English the message is written in, when that decided it.</summary>
    public string? OtherLanguage { get; init; }

    /// <summary>
    /// Answered, but not confidently: the reply says it may have misread the question and offers
    /// <see cref="Nearest"/> first (see <see cref="ClassifierTuning.BestGuess"/>).
    /// </summary>
    public bool BestGuess { get; init; }

    /// <summary>The rule that decided, for --explain and logs.</summary>
    public string Rule { get; init; } = string.Empty;

    /// <summary>Other substantive intents a multi-question message asked, offered as follow-ups.</summary>
    public IReadOnlyList<string> OtherAsks { get; init; } = [];

    /// <summary>
    /// How an ordinary message came near a crisis reading without getting one (<see cref="SafetyScreening.NearMiss"/>),
    /// or null: the conversation remembers it and reads the next message for saying it was meant.
    /// </summary>
    public string? NearCrisis { get; init; }

    /// <summary>The tier of a danger the message named only as over (<see cref="SafetyScreening.ToldAsOver"/>), or None.</summary>
    public Urgency ToldAsOver { get; init; } = Urgency.None;

    /// <summary>What the message named that the next one may call "it" (<see cref="SafetyScreening.Subjects"/>).</summary>
    public IReadOnlyList<CarriedSubject> Subjects { get; init; } = [];

    /// <summary>What the person asked about that the corpus does not cover ("tea tree oil"), or null.</summary>
    public string? Uncovered { get; init; }

    public static IntentDecision Of(string intent, double confidence, IReadOnlyList<string>? terms = null) =>
        new(intent, confidence, false, [], [], [], terms ?? []);
}

using SkinBot.Core.Corpus;

namespace SkinBot.Core.Intents;

/// <summary>What the classifier concluded about one message.</summary>
/// <param name="Intent">The intent id.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="LowConfidence">Not sure enough to answer: offer <paramref name="Nearest"/> instead.</param>
/// <param name="ScarTypes">Scar-type ids the message names (ice_pick, boxcar, rolling).</param>
/// <param name="Treatments">Treatment passages the message names ("retinol" → the Retinol bullet).</param>
/// <param name="Nearest">The closest substantive intents, best first, for a low-confidence reply.</param>
/// <param name="Terms">The analysed question, for ranking passages.</param>
public sealed record IntentDecision(
    string Intent,
    double Confidence,
    bool LowConfidence,
    IReadOnlyList<string> ScarTypes,
    IReadOnlyList<Passage> Treatments,
    IReadOnlyList<string> Nearest,
    IReadOnlyList<string> Terms)
{
    public static IntentDecision Of(string intent, double confidence, IReadOnlyList<string>? terms = null) =>
        new(intent, confidence, false, [], [], [], terms ?? []);
}

using SkinBot.Core.Domain;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A message that names a treatment and asks one thing about it in so many words ("is it ok to get microneedling done
/// by a beautician or should it be a doctor?", "can subcision leave new scars? i want to know the downsides") is
/// answered from that question's section, not the treatment's: the question's own signals reach
/// <see cref="ClassifierTuning.AskedInSoManyWords"/> and are more than <see cref="ClassifierTuning.SignalDominance"/>
/// times any other question's. The name pulls every treatment intent close on score, so the scores alone would
/// answer with the treatment list.
/// </summary>
public sealed class QuestionAboutNamedTreatmentRule : IIntentRule
{
    public string Name => "question-about-named-treatment";

    public IntentDecision? Decide(RuleInput input)
    {
        var features = input.Features;
        // Procedures are done in a clinic; how often to use a roller or a retinol at home is its own passage's ground.
        if (!features.Treatments.Any(treatment => input.Knowledge.Vocabulary.TreatmentSettings[treatment.Id] == TreatmentSetting.InOffice))
        {
            return null;
        }

        // Which treatment suits a scar type is the named-scar-type rule's call.
        var asked = features.Signals
            .Where(signal => input.AsksAboutNamedThing(signal.Key) && !input.TreatsNamedScarType(signal.Key))
            .OrderByDescending(signal => signal.Value)
            .FirstOrDefault();
        if (asked.Key is null || asked.Value < input.Tuning.AskedInSoManyWords)
        {
            return null;
        }

        // Treatment intents are what the name already points to, and greetings ask nothing: neither competes.
        var otherQuestions = features.Signals
            .Where(signal => signal.Key != asked.Key && !IntentIds.IsTreatment(signal.Key) && IntentClassifier.IsSubstantive(signal.Key))
            .Select(signal => signal.Value)
            .DefaultIfEmpty(0)
            .Max();
        return asked.Value > input.Tuning.SignalDominance * otherQuestions
            ? input.Decision(asked.Key, Math.Max(input.Evidence.MarginConfidence(input.Tuning), input.Tuning.BestGuess))
            : null;
    }
}

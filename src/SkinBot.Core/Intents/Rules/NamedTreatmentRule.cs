namespace SkinBot.Core.Intents.Rules;

/// <summary>A treatment the message names is answered from its own passage, in the list of its setting.</summary>
public sealed class NamedTreatmentRule : IIntentRule
{
    public string Name => "named-treatment";

    public IntentDecision? Decide(RuleInput input)
    {
        var features = input.Features;
        return features.Treatments.Count > 0
            ? input.Decision(Settings.IntentOf(features.TreatmentsSetting), Math.Max(input.Evidence.MarginConfidence(input.Tuning), input.Tuning.Named)) with { Treatments = features.Treatments }
            : null;
    }
}

namespace SkinBot.Core.Intents.Rules;

/// <summary>The urgent triggers of intents.yml. Safety comes before relevance, so this rule runs first.</summary>
public sealed class LegacyUrgentTriggerRule : IIntentRule
{
    public string Name => "urgent-triggers";

    public IntentDecision? Decide(RuleInput input) =>
        IntentClassifier.IsUrgent(input.Evidence.Text, input.Knowledge.Intents)
            ? IntentDecision.Of(IntentIds.Urgent, 1.0) with { Urgency = Domain.Urgency.Infection }
            : null;
}

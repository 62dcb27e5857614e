using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// Out-of-scope signals of intents.yml ("tattoo", "python", "weather") with nothing pockmark-specific beside
/// them. A weak signal ("surgery") gives way when the message names one of the article's treatments for a scar.
/// </summary>
public sealed class OutOfScopeSignalRule : IIntentRule
{
    public string Name => "out-of-scope-signals";

    public IntentDecision? Decide(RuleInput input)
    {
        var features = input.Features;
        // "Is there anyone who shouldn't get microneedling? I get cold sores" asks about the procedure's risks.
        var namedForScar = features.Treatments.Count > 0 && (features.MentionsScar || input.Evidence.Scope?.AsksCandidacy == true);
        return features.OutOfScopeSignals > 0 && !features.AboutPockmarks && !(namedForScar && features.OutOfScopeSignals < input.Tuning.StrongSignal)
            ? input.Decision(IntentIds.OutOfScope, Math.Max(input.Evidence.MarginConfidence(input.Tuning), input.Tuning.OutOfScope)) with { ScarTypes = [] }
            : null;
    }
}

using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A message about a subject SkinBot does not cover (topics.yml: a scratch or burn scar, a keloid, stretch
/// marks, a mole, flat red marks, a medicine in pregnancy…) is told so, whatever treatment or scar word it
/// also uses: a named treatment does not make a pregnancy question a treatment question.
/// </summary>
public sealed class OtherSubjectRule : IIntentRule
{
    public string Name => "other-subject";

    public IntentDecision? Decide(RuleInput input)
    {
        if (input.Evidence.Scope is not { } scope)
        {
            return null;
        }

        // "Can I still dermaroll with active breakouts?" is about a scar treatment, not about clearing acne; "I have
        // eczema, does that rule me out for microneedling?" is about the treatment's risks, not about eczema.
        var namesScarTreatment = input.Features.Treatments.Count > 0 || input.Features.ScarTypes.Count > 0;
        var background = scope.Topic.YieldsTo == Scope.TopicYield.Scarring
            || (scope.Topic.YieldsTo == Scope.TopicYield.Pitted && scope.AsksCandidacy);
        return background && namesScarTreatment
            ? null
            : input.Decision(IntentIds.OutOfScope, input.Tuning.OutOfScope) with { Scope = scope, ScarTypes = [] };
    }
}

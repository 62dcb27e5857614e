using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// "I've tried retinol and vitamin C for years: what would a dermatologist do?" names at-home products as
/// background; the question, by its wording, asks for the other setting's list.
/// </summary>
public sealed class OtherListRule : IIntentRule
{
    public string Name => "other-setting-list";

    public IntentDecision? Decide(RuleInput input)
    {
        var features = input.Features;
        var scores = input.Evidence.Scores;
        if (features.Treatments.Count == 0 || scores.Count == 0)
        {
            return null;
        }

        var named = IntentIds.ForSetting(features.TreatmentsSetting);
        if (named == IntentIds.TreatmentAny)
        {
            return null;
        }

        var other = named == IntentIds.TreatmentAtHome ? IntentIds.TreatmentInOffice : IntentIds.TreatmentAtHome;
        return input.Evidence.Top.Intent == other && input.Evidence.ScoreOf(named) < input.Evidence.Top.Score * input.Tuning.OtherListRatio
            ? input.Decision(other, input.Evidence.MarginConfidence(input.Tuning))
            : null;
    }
}

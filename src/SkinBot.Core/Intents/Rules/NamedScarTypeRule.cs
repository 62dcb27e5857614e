using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// "what are boxcar scars" asks about the type; "how do I get rid of boxcar scars" asks about treating it, so
/// the wording decides between the type's passage and a treatment, permanence or prevention answer.
/// </summary>
public sealed class NamedScarTypeRule : IIntentRule
{
    public string Name => "named-scar-type";

    public IntentDecision? Decide(RuleInput input)
    {
        var features = input.Features;
        if (features.ScarTypes.Count == 0)
        {
            return null;
        }

        var top = input.Evidence.Top.Intent;
        // "thanks so much!! are boxcar scars permanent? youre the best" asks whether the type lasts: the thanks around
        // the question decide nothing. Other readings behind a greeting stay "what is it", as they were.
        if (top == IntentIds.GreetingHelp && input.Evidence.Nearest is [var asked, ..] && AsksOfTheType(asked))
        {
            top = asked;
        }

        var about = AsksOfTheType(top) || input.AsksAboutNamedThing(top) ? top : IntentIds.ScarTypes;
        var confidence = input.Evidence.MarginConfidence(input.Tuning);
        var pickAsked = PickOfTreatments.IsAskedIn(input.Evidence.Surface);
        var byScarType = input.Knowledge.Intents.File.Intents.FirstOrDefault(i => i.TreatsNamedScarType);
        // "which procedure is best for boxcar scars? laser, peel, needling??" picks among clinic treatments for the type:
        // the type's own treatments answer that better than the whole clinic list.
        var pickForTheTypeInAClinic = pickAsked && features.Setting == TreatmentSetting.InOffice && IntentIds.IsTreatment(about) && byScarType is not null;
        if (IntentIds.IsTreatment(about) && features.Setting is { } setting && !pickForTheTypeInAClinic)
        {
            about = IntentIds.ForSetting(setting);
        }
        else if ((pickForTheTypeInAClinic || AsksForTheTypesTreatments(input, about, pickAsked)) && byScarType is not null)
        {
            // "what works on rolling scars?" without at home or in a clinic: the treatments matched to that type. A
            // pick asked outright ("what would you recommend for rolling scars") is as sure as a named type alone
            // asking what it is, however the words split between "what is it" and the kinds of treatment.
            if (pickAsked)
            {
                confidence = Math.Max(confidence, input.Tuning.Named);
            }

            about = byScarType.Id;
        }

        // Naming a scar type makes "what is it" likely, but only as sure as the wording agrees: when the words point
        // elsewhere ("what fills in boxcar and rolling holes?"), the margin says how sure SkinBot really is.
        var agrees = top is IntentIds.ScarTypes or IntentIds.Definition;
        return input.Decision(about, about == IntentIds.ScarTypes && agrees ? Math.Max(confidence, input.Tuning.Named) : confidence);
    }

    /// <summary>Treating the type, whether it lasts, or keeping it from forming: questions about a named type that are not "what is it".</summary>
    private static bool AsksOfTheType(string intent) =>
        intent is IntentIds.TreatmentAny or IntentIds.TreatmentAtHome or IntentIds.TreatmentInOffice or IntentIds.Permanence or IntentIds.Prevention;

    /// <summary>
    /// "what works on rolling scars?", or the pick of treatments for the type ("which treatment is best for that type",
    /// "is microneedling or laser better for boxcar") with neither home nor clinic said: the type's own treatments. When
    /// the words read "what is it" but a pick is asked ("which treatments suit which type? I don't want to waste money on
    /// a laser that only helps one kind"), a clinic said beside it does not matter: the type's treatments are mostly done
    /// in one.
    /// </summary>
    private static bool AsksForTheTypesTreatments(RuleInput input, string about, bool pickAsked) =>
        about == IntentIds.TreatmentAny
        || (pickAsked
            && input.Features.TreatmentsSetting is not TreatmentSetting.AtHome
            && (about is IntentIds.ScarTypes or IntentIds.Definition
                ? input.Features.Setting is not TreatmentSetting.AtHome
                : IntentIds.IsTreatment(about) && input.Features.Setting is null));
}

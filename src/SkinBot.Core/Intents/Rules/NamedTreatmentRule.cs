using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A treatment the message names is answered from its own passage, in the list of its setting, unless the
/// message clearly asks something else about it: "will they be gone for good if I get lasers?" is about
/// permanence, and its own words (two or more signals, well ahead on score) say so.
/// </summary>
public sealed class NamedTreatmentRule : IIntentRule
{
    public string Name => "named-treatment";

    public IntentDecision? Decide(RuleInput input)
    {
        var features = input.Features;
        if (features.Treatments.Count == 0 || AsksSomethingElse(input) || AsksWhatSuitsTheScarType(input))
        {
            return null;
        }

        var margin = input.Evidence.MarginConfidence(input.Tuning);
        var agrees = IntentIds.IsTreatment(input.Evidence.Top.Intent);
        var confidence = agrees ? Math.Max(margin, input.Tuning.Named) : margin;

        // "diy peel for my pits?", "at home microneedling pen worth it?": the message's own words ask about doing a
        // clinic treatment at home, so the at-home list answers (the roller and the acids sold for home use, each with
        // its limits), not the passage on what a dermatologist does.
        if (features.Setting == TreatmentSetting.AtHome && features.TreatmentsSetting == TreatmentSetting.InOffice)
        {
            return input.Decision(IntentIds.TreatmentAtHome, confidence) with { Treatments = [] };
        }

        // Treatments of both settings ("dermarolling, since I can't afford microneedling at a clinic"): the
        // message's setting words pick the list, and only that setting's treatments are quoted.
        var setting = features.TreatmentsSetting ?? (features.Setting is TreatmentSetting.AtHome or TreatmentSetting.InOffice ? features.Setting : null);
        var treatments = features.TreatmentsSetting is null && setting is not null
            ? [.. features.Treatments.Where(p => input.Knowledge.Vocabulary.TreatmentSettings[p.Id] == setting)]
            : features.Treatments;
        return input.Decision(IntentIds.ForSetting(setting), confidence) with { Treatments = treatments.Count > 0 ? treatments : features.Treatments };
    }

    /// <summary>
    /// "what's the best treatment for ice pick scars? i read microneedling doesn't do much": a scar type named, no
    /// home treatment asked for (those have a list of their own), and words that ask for the pick of treatments
    /// ("best", "which", "options"). The treatment named is context; the scar-type rule answers, with what suits that
    /// type or, when a clinic is asked about, the clinic list.
    /// </summary>
    private static bool AsksWhatSuitsTheScarType(RuleInput input) =>
        input.Features.ScarTypes.Count > 0
        && input.Features.Setting is not TreatmentSetting.AtHome
        && input.Features.TreatmentsSetting is not TreatmentSetting.AtHome
        && (PickOfTreatments.IsAskedIn(input.Evidence.Surface) || WeighsOneAgainstAnother(input))
        && (IntentIds.IsTreatment(input.Evidence.Top.Intent) || input.TreatsNamedScarType(input.Evidence.Top.Intent) || input.Evidence.Top.Intent == IntentIds.ScarTypes);

    /// <summary>
    /// "boxcar scars: laser or subcision?", "one derm said subcision and another said laser, which one fits rolling
    /// scars": the pick between two treatments for the type.
    /// </summary>
    private static bool WeighsOneAgainstAnother(RuleInput input) =>
        input.Evidence.Surface.Any(w => w is "or" or "which" or "vs" or "versus")
        && input.Features.Treatments.Select(p => p.LeadTerm).Distinct().Count() >= 2;

    private static bool AsksSomethingElse(RuleInput input)
    {
        var top = input.Evidence.Top;
        // An intent about named things ("does subcision hurt?") needs only one of its signals: the name is expected.
        var signalsNeeded = input.AsksAboutNamedThing(top.Intent) ? 1 : input.Tuning.StrongSignal;
        if (top.Intent is not (IntentIds.Permanence or IntentIds.Prevention or IntentIds.Definition) && !input.AsksAboutNamedThing(top.Intent)
            || input.Features.Signals.GetValueOrDefault(top.Intent) < signalsNeeded)
        {
            return false;
        }

        var treatment = Math.Max(input.Evidence.ScoreOf(IntentIds.TreatmentAny), Math.Max(input.Evidence.ScoreOf(IntentIds.TreatmentAtHome), input.Evidence.ScoreOf(IntentIds.TreatmentInOffice)));
        // "does subcision hurt?" asks one thing outright (strong signals of an intent about named things, no other
        // intent's words): being ahead is enough, since the name alone pulls every treatment intent close.
        var signals = input.Features.Signals;
        var saidOutright = input.AsksAboutNamedThing(top.Intent)
            && signals.GetValueOrDefault(top.Intent) >= input.Tuning.StrongSignal
            && signals.Keys.All(intent => intent == top.Intent || IntentIds.IsTreatment(intent) || !IntentClassifier.IsSubstantive(intent));
        return top.Score >= treatment * (saidOutright ? 1.0 : input.Tuning.OtherQuestionOverNamedTreatment);
    }
}

using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A treatment the message names is answered from its own passage, in the list of its setting, unless the
/// message clearly asks something else about it: "will they be gone for good if I get lasers?" is about
/// permanence, and its own words (two or more signals, well ahead on score) say so; "microneedling on friday, will i be
/// able to go to school on monday?" is about downtime, and every reading puts that far ahead of the treatment lists.
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
        // What type a scar is, or how two treatments differ ("whats the difference between co2 and erbium"), is asked in
        // words that also pick between the treatments named: those stay with the treatments.
        if (!IntentClassifier.IsSubstantive(top.Intent) || IntentIds.IsTreatment(top.Intent) || top.Intent == IntentIds.ScarTypes)
        {
            return false;
        }

        var treatment = Math.Max(input.Evidence.ScoreOf(IntentIds.TreatmentAny), Math.Max(input.Evidence.ScoreOf(IntentIds.TreatmentAtHome), input.Evidence.ScoreOf(IntentIds.TreatmentInOffice)));
        // "i have microneedling booked in 2 weeks, will i be able to go to school on monday": the name is only where the
        // question happens, and every reading of the message puts another question far ahead of the treatment lists.
        if (top.Score >= treatment * input.Tuning.FarAheadOfNamedTreatment)
        {
            return true;
        }

        // An intent about named things ("does subcision hurt?") needs only one of its signals: the name is expected.
        var signals = input.Features.Signals;
        var signalsNeeded = input.AsksAboutNamedThing(top.Intent) ? 1 : input.Tuning.StrongSignal;
        var ownSignals = signals.GetValueOrDefault(top.Intent);
        if (ownSignals < signalsNeeded)
        {
            return false;
        }

        // "does subcision hurt?" asks one thing outright (strong signals of an intent about named things, no other
        // intent's words): being ahead is enough, since the name alone pulls every treatment intent close. A question
        // asked in so many words ("will fillers make my boxcar scars completely flat or just less noticeable") needs a
        // smaller lead than one the examples merely lean towards.
        var saidOutright = input.AsksAboutNamedThing(top.Intent)
            && ownSignals >= input.Tuning.StrongSignal
            && signals.Keys.All(intent => intent == top.Intent || IntentIds.IsTreatment(intent) || !IntentClassifier.IsSubstantive(intent));
        var lead = saidOutright ? 1.0
            : ownSignals >= input.Tuning.AskedInSoManyWords ? input.Tuning.AskedQuestionOverNamedTreatment
            : input.Tuning.OtherQuestionOverNamedTreatment;
        return top.Score >= treatment * lead;
    }
}

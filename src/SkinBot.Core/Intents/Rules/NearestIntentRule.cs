using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// The best-scoring intent (nearest examples, signals, semantic similarity) for a message about scarring,
/// with the at-home / in-office words picking the treatment list. A greeting never outranks a real question.
/// </summary>
public sealed class NearestIntentRule : IIntentRule
{
    public string Name => "nearest-intent";

    public IntentDecision? Decide(RuleInput input)
    {
        var evidence = input.Evidence;
        var features = input.Features;
        if (!features.AboutScarring)
        {
            return null;
        }

        var substantive = evidence.Scores.FirstOrDefault(s => IntentClassifier.IsSubstantive(s.Intent));
        var chosen = evidence.Top.Intent;
        // "are you able to answer questions about acne scars?" stays a question about SkinBot; one help word beside
        // the subject ("what can you tell me about pockmarks?") still asks for an answer.
        var aboutTheBot = (evidence.AsksAboutTheBot && features.Signals.GetValueOrDefault(IntentIds.GreetingHelp) >= input.Tuning.StrongSignal)
            || AsksAboutTheBotAtLength(input);
        if (chosen == IntentIds.GreetingHelp && substantive.Intent is not null && !aboutTheBot)
        {
            // "hi! what are pockmarks? thanks!!" is a question with a greeting and a closer, not a greeting.
            chosen = substantive.Intent;
        }

        if (chosen == IntentIds.OutOfScope && features.AboutPockmarks && substantive.Intent is not null && substantive.Score >= evidence.Top.Score * input.Tuning.InScopeOverOutOfScope)
        {
            chosen = substantive.Intent;
        }

        if (IntentIds.IsTreatment(chosen) && features.Setting is { } setting)
        {
            chosen = IntentIds.ForSetting(setting);
        }

        // Clinic prices and recovery answer neither "cheapest stuff i can do from my bathroom" nor "is it better to do
        // creams or go to a derm?".
        if (features.Setting is TreatmentSetting.AtHome or TreatmentSetting.All && input.AsksAboutClinicProcedures(chosen)
            && !features.Treatments.Any(treatment => input.Knowledge.Vocabulary.TreatmentSettings[treatment.Id] == TreatmentSetting.InOffice))
        {
            chosen = IntentIds.ForSetting(features.Setting);
        }

        chosen = NarrowestAsked(chosen, input);

        var confidence = evidence.MarginConfidence(input.Tuning);
        return input.Decision(chosen, confidence, IntentClassifier.IsSubstantive(chosen) && confidence < input.Tuning.LowConfidence);
    }

    /// <summary>
    /// Several questions about SkinBot itself, said to it, beside a subject named only as context ("im 16 and have some
    /// pits on my cheeks"): the help reply says what it can answer, and the subject's question, if any, is so few
    /// words beside them that the best reading is the help.
    /// </summary>
    private static bool AsksAboutTheBotAtLength(RuleInput input)
    {
        var signals = input.Features.Signals;
        var greeting = signals.GetValueOrDefault(IntentIds.GreetingHelp);
        var subject = signals.Where(s => IntentClassifier.IsSubstantive(s.Key)).Select(s => s.Value).DefaultIfEmpty(0).Max();
        return input.Evidence.SpeaksToTheBot && greeting >= input.Tuning.AboutTheBotAtLength && greeting >= subject * input.Tuning.AboutTheBotOverSubject;
    }

    /// <summary>The intent that answers the chosen one's question for the case the message clearly names, if any.</summary>
    private static string NarrowestAsked(string chosen, RuleInput input)
    {
        var signals = input.Features.Signals;
        var narrower = input.Knowledge.Intents.File.Intents
            .Where(i => i.Narrows.Contains(chosen, StringComparer.Ordinal) && signals.GetValueOrDefault(i.Id) >= input.Tuning.StrongSignal)
            .OrderByDescending(i => signals[i.Id])
            .FirstOrDefault();
        return narrower?.Id ?? chosen;
    }
}

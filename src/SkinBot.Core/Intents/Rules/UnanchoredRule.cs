using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A message with no word about scarring: noise or a greeting gets help; wording that is clearly one of
/// SkinBot's questions ("am I stuck with these forever?") is answered; words SkinBot does not know make it
/// about something else.
/// </summary>
public sealed class UnanchoredRule : IIntentRule
{
    public string Name => "unanchored";

    public IntentDecision? Decide(RuleInput input)
    {
        var evidence = input.Evidence;
        var features = input.Features;
        var tuning = input.Tuning;
        var chosen = evidence.Top.Intent;
        var confidence = evidence.MarginConfidence(tuning);
        var greeted = features.Signals.ContainsKey(IntentIds.GreetingHelp);
        // "thanks!! will they ever go away?" is a question with a closer: a substantive intent with two or more
        // of its own signals outranks the greeting; one stray word ("what sort of things can I ask?") does not, nor do
        // two beside a greeting said at more than twice their length ("hello, I'm new to these chats, could you tell
        // me what you are and what sort of questions I may ask? thank you dear").
        var greetingSignals = features.Signals.GetValueOrDefault(IntentIds.GreetingHelp);
        var asked = features.Signals
            .Where(s => IntentClassifier.IsSubstantive(s.Key) && s.Value >= tuning.StrongSignal && s.Value * 2 >= greetingSignals)
            .Select(s => s.Key)
            .FirstOrDefault();
        var foreign = features.UnknownTerms > tuning.UnanchoredUnknownTerms;
        // Unknown words make a greeting-shaped message about something else ("can you solve 3x + 7? thank you!!"),
        // unless it is mostly thanks and greetings ("thanks so much, you're better than google lol").
        // Nor is a question about SkinBot said in so many words ("are u a doctor or a program? dont wanna trust a random
        // website with my face").
        var mostlyPleasantries = greetingSignals >= tuning.StrongSignal && evidence.Top.Intent == IntentIds.GreetingHelp
            && (evidence.Top.Score >= evidence.Scores.Skip(1).FirstOrDefault().Score * 2 || greetingSignals >= tuning.AskedInSoManyWords);
        if (features.Noise || (greeted && chosen == IntentIds.GreetingHelp && asked is null && (!foreign || mostlyPleasantries)))
        {
            return input.Decision(IntentIds.GreetingHelp, greeted ? confidence : 0.5);
        }

        if (chosen == IntentIds.GreetingHelp && asked is not null)
        {
            chosen = asked;
        }

        var signalled = features.Signals.ContainsKey(chosen);
        // Slang and typos ("kinda pinkish", "someone said") are unknown words too: a message about skin whose best intent
        // is named by several of its own signals is still asking that.
        var clearlyAsked = features.AboutSkin && chosen == evidence.Top.Intent && features.Signals.GetValueOrDefault(chosen) >= tuning.StrongSignal;
        // Without a word of skin, words SkinBot does not know need the intent's own words said plainly: "how do i fix
        // my bike chain" has one treatment word and is about a bike.
        var plainlyAsked = features.AboutSkin || features.UnknownTerms <= tuning.UnanchoredPlainUnknownTerms || features.Signals.GetValueOrDefault(chosen) >= tuning.StrongSignal;
        if (IntentClassifier.IsSubstantive(chosen) && confidence >= tuning.LowConfidence && ((signalled && ((!foreign && plainlyAsked) || clearlyAsked)) || features.UnknownTerms == 0))
        {
            return input.Decision(chosen, confidence * (signalled ? tuning.UnanchoredSignalled : tuning.UnanchoredExamplesOnly), !signalled);
        }

        if (chosen == IntentIds.GreetingHelp && features.UnknownTerms == 0)
        {
            return input.Decision(IntentIds.GreetingHelp, confidence);
        }

        return input.Decision(IntentIds.OutOfScope, Math.Max(confidence, 0.6));
    }
}

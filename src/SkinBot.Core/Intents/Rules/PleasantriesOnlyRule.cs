using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// "hi!!", "thanks so much", "what can you do": only greetings, thanks and help words. A greeting or closer
/// around a real question never gets here, so it cannot turn a question into the help menu.
/// </summary>
public sealed class PleasantriesOnlyRule : IIntentRule
{
    public string Name => "pleasantries-only";

    public IntentDecision? Decide(RuleInput input) =>
        input.Evidence.PleasantriesOnly && input.Features.ScarTypes.Count == 0 && input.Features.Treatments.Count == 0 && !input.Features.AboutScarring
            ? input.Decision(IntentIds.GreetingHelp, Math.Max(0.6, input.Evidence.MarginConfidence(input.Tuning)))
            : null;
}

using SkinBot.Core.Domain;
namespace SkinBot.Core.Intents.Rules;

/// <summary>Emoji, punctuation or only stop words: say what SkinBot can do rather than guess.</summary>
public sealed class NothingToReadRule : IIntentRule
{
    public string Name => "nothing-to-read";

    public IntentDecision? Decide(RuleInput input) =>
        input.Terms.Count == 0 ? IntentDecision.Of(IntentIds.GreetingHelp, 0.5) : null;
}

using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// The safety screen (safety.yml, then safety-examples.yml for a crisis said in other words), first: a message
/// that shows any urgent sign gets that tier's reply, whatever else it asks. It reads the message as written,
/// before spelling correction, so no correction can hide a sign. A crisis read in another language carries that
/// language, so the reply can say where to turn in it too. In a conversation that just got the crisis reply the
/// screen also reads what the next message means after it ("i mean it", "nobody picks up"), and after a message that
/// came near a crisis reading it reads whether the next says it was meant ("no fr tho"). The classifier screens the
/// message once before the rules run (<see cref="KnowledgeBase.Screen"/>), since the same pass tells whether an
/// ordinary message came near a crisis reading; this rule turns a verdict into the decision.
/// </summary>
public sealed class SafetyScreenRule : IIntentRule
{
    public string Name => "safety-screen";

    public IntentDecision? Decide(RuleInput input) =>
        input.Screening.Verdict is { } verdict
            ? IntentDecision.Of(IntentIds.Urgent, 1.0) with
            {
                Urgency = verdict.Urgency,
                Safety = verdict,
                OtherLanguage = verdict.Urgency == Urgency.Crisis ? MessageLanguage.Of(input.Evidence.Surface, input.Evidence.Text, input.Knowledge.Intents.OtherLanguages) : null,
            }
            : null;
}

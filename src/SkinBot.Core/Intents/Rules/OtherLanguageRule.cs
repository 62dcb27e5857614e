using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A message written in another language ("minha filha tá usando blusa de manga comprida…", "я не знаю…") is not
/// guessed at: SkinBot reads only English, so after the safety screen has read what it can, the reply says so and
/// where to turn if the message meant danger, rather than an answer matched on a borrowed word or two, or the help
/// menu for a message none of whose words it knows. A message that asks in English with a greeting, an apology or a
/// sentence in another language around it is answered: its English words outnumber the other language's.
/// </summary>
public sealed class OtherLanguageRule : IIntentRule
{
    public string Name => "other-language";

    public IntentDecision? Decide(RuleInput input) =>
        MessageLanguage.MostlyOf(input.Evidence.Surface, input.Evidence.Text, input.Knowledge.Intents.OtherLanguages, input.Knowledge.Intents.EnglishWords) is { } language
            ? input.Decision(IntentIds.OutOfScope, 1.0) with { OtherLanguage = language, ScarTypes = [] }
            : null;
}

using System.Text.RegularExpressions;
using SkinBot.Core.Domain;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// "Does tea tree oil help pitted scars?" asks about something the corpus never mentions. Answering with the
/// at-home list would dress a near miss up as an answer; instead SkinBot says its articles don't cover that thing
/// and offers the nearest topics it does cover ("does toothpaste fill in the holes?" too). Only the thing a "does X
/// help / work / fix / fill" question asks about is read, and only when most of its words appear nowhere in the
/// corpus, so ordinary personal context never triggers it.
/// </summary>
public sealed partial class NotCoveredRule : IIntentRule
{
    public string Name => "not-covered";

    public IntentDecision? Decide(RuleInput input)
    {
        var match = AsksWhetherSomethingHelps().Match(input.Evidence.Text);
        if (!match.Success)
        {
            return null;
        }

        var subject = match.Groups["subject"].Value.Trim();
        var words = subject.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "is the home version any good", "does the ordinary's stuff work": a generic word points back at something
        // already named or too vague to say the corpus lacks it.
        if (words.Any(GenericWords.Contains))
        {
            return null;
        }

        // A typo ("posible", "totaly") or slang ("gonna") is not a thing the corpus lacks: every word must be an
        // English word or long enough to be a product or ingredient name ("niacinamide").
        if (words.Any(w => !Search.EnglishWords.Contains(w.Replace("'s", string.Empty, StringComparison.Ordinal)) && w.Length < MinNameLength))
        {
            return null;
        }

        var terms = input.Knowledge.Analyzer.Terms(subject)
            .Where(t => !input.Knowledge.Vocabulary.NonRankingTerms.Contains(t))
            .ToList();
        // At least half of the thing's words unknown ("rice water": rice) means the corpus does not discuss it;
        // fewer is not enough to say so.
        var unknown = terms.Count(t => !input.Knowledge.Index.Contains(t) && !input.Knowledge.Signals.Knows(t));
        if (terms.Count == 0 || unknown * 2 < terms.Count)
        {
            return null;
        }

        var nearest = input.Evidence.Nearest;
        var intent = nearest.Count > 0 ? nearest[0] : IntentIds.TreatmentAny;
        return input.Decision(intent, input.Evidence.MarginConfidence(input.Tuning)) with { Uncovered = subject };
    }

    private const int MinNameLength = 8;

    private static readonly HashSet<string> GenericWords =
        ["version", "stuff", "thing", "things", "one", "ones", "kind", "type", "option", "options", "way", "ways", "method", "route", "product", "products", "treatment", "treatments", "procedure", "procedures", "actually", "really", "just"];

    // "can do from my bathroom that actually helps" is a verb, not a thing: "do", "get" and "go" never start a subject.
    // The subject: up to five words after "does/do/will/would/can/could/is/are/should i use/try", before the verb that
    // asks whether it works. Pronouns and determiners alone never make a subject (the analyser drops them).
    [GeneratedRegex(@"\b(?:does|do|will|would|can|could|is|are|should i (?:use|try)|has anyone tried|anyone tried)\s+(?!(?:it|that|this|they|them|there|these|those|i|you|u|ya|ppl|people|someone|anyone|anybody|we|he|she|my skin|my scars?|harder|easier|worse|better|possible|posible|more|less|anything|something|nothing|do|get|go)\b)(?<subject>(?:[a-z][a-z'-]*\s+){0,4}?[a-z][a-z'-]{2,})\s+(?:actually\s+|really\s+)?(?:help|helps|work|works|fix|fixes|fade|get rid|improve|reduce|heal|good for|worth it|any good|fill|fills|erase|smooth|shrink)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhetherSomethingHelps();
}

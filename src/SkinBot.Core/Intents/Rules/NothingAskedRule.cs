using SkinBot.Core.Domain;
using SkinBot.Core.Text;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// A remark about scarring's surroundings that asks nothing and names no scar or treatment ("my mom is going to
/// murder me when she sees the dermatology bill") is not a question to answer from the articles: quoting one would
/// be a guess. It gets the low-confidence reply, which says so and offers the nearest topics. Anything that asks
/// ("?", a clause opening with a question word, a request word) or says what it is about (a scar, a treatment, two
/// of an intent's own signals) goes on to the other rules. A closer that asks nothing ("thanks for the help with my
/// subcision questions!!") gets the help reply, whatever it names.
/// </summary>
public sealed class NothingAskedRule : IIntentRule
{
    /// <summary>Words that open a question even without "?": "does retinol help pockmarks".</summary>
    private static readonly HashSet<string> QuestionOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "whats", "what's", "how", "hows", "how's", "why", "which", "when", "where", "who", "can", "could", "will",
        "would", "should", "is", "are", "am", "does", "do", "did", "has", "have", "any", "anyone", "anybody",
    };

    /// <summary>Words that make a sentence a request wherever they stand: "pls help", "recs for my scars".</summary>
    private static readonly HashSet<string> RequestWords = new(StringComparer.Ordinal)
    {
        "anyone", "anybody", "someone", "pls", "plz", "please", "recommend", "recommendations", "recs", "suggest",
        "suggestions", "advice", "tips", "tip", "ideas", "wondering", "wonder", "curious", "idk", "explain", "normal",
        "safe", "worth", "tell", "describe",
    };

    public string Name => "nothing-asked";

    public IntentDecision? Decide(RuleInput input)
    {
        var evidence = input.Evidence;
        var features = input.Features;
        var substantiveSignals = features.Signals.Any(s => IntentClassifier.IsSubstantive(s.Key) && s.Value >= input.Tuning.StrongSignal);
        var closer = features.Signals.GetValueOrDefault(IntentIds.GreetingHelp) >= input.Tuning.StrongSignal && !substantiveSignals;
        // Without a word about scarring the unanchored rule already tells thanks, noise and other subjects apart.
        var remark = features.AboutScarring && !substantiveSignals && features.ScarTypes.Count == 0 && features.Treatments.Count == 0
            && !features.MentionsScar && !features.AboutPockmarks;
        // Reading the message for a question costs a clause split: only a closer or a bare remark pays for it.
        if (!(closer || remark) || Asks(evidence))
        {
            return null;
        }

        // "logging off, thanks for the help with my subcision questions!!" closes a conversation: the treatment it
        // names is what was talked about, not a new question.
        if (closer)
        {
            return input.Decision(IntentIds.GreetingHelp, Math.Max(input.Tuning.LowConfidence, evidence.MarginConfidence(input.Tuning)));
        }

        var substantive = evidence.Scores.FirstOrDefault(s => IntentClassifier.IsSubstantive(s.Intent));
        return substantive.Intent is null
            ? null
            : input.Decision(substantive.Intent, Math.Min(evidence.MarginConfidence(input.Tuning), input.Tuning.LowConfidence), low: true);
    }

    private static bool Asks(MessageEvidence evidence) =>
        evidence.Text.Contains('?')
        || evidence.Surface.Any(RequestWords.Contains)
        || AsksForHelp(evidence.Surface)
        || ClauseSplitter.Split(evidence.Text, minimumWords: 1).Any(clause => QuestionOpeners.Contains(FirstWord(clause)));

    /// <summary>"help me", "need help", "pls help": not "thanks for the help", which looks back.</summary>
    private static bool AsksForHelp(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "help" && (i == 0 || words[i - 1] is not ("the" or "your" or "ur" or "all")))
            {
                return true;
            }
        }

        return false;
    }

    private static string FirstWord(string clause)
    {
        var end = clause.IndexOf(' ', StringComparison.Ordinal);
        return end < 0 ? clause : clause[..end];
    }
}

using System.Text.RegularExpressions;

namespace SkinBot.Core.Intents;

/// <summary>
/// People put the question they came with first and tack the rest on ("what is subcision? ... does it hurt much?",
/// "will they go away by themselves? if not whats the cheapest fix"). Read as one bag of words, a message's side asks
/// can outvote its main one, since "hurt" or "cost" are strong signals; so a message with several questions is also
/// read up to the end of its first question (with whatever background comes before it), and that reading wins when
/// it is confidently a different answer.
/// </summary>
public static partial class FirstAsk
{
    /// <summary>
    /// The message up to the end of its first question, when at least one more question follows; otherwise null.
    /// </summary>
    public static string? Prefix(string text)
    {
        var ends = QuestionEnd().Matches(text).Select(m => m.Index + m.Length).Where(end => HasWords(text[end..])).ToList();
        return ends.Count > 0 && HasQuestionAfter(text[ends[0]..]) ? text[..ends[0]].TrimEnd() : null;
    }

    /// <summary>Whether the first ask's decision should stand for the whole message.</summary>
    /// <param name="whole">The decision on the whole message.</param>
    /// <param name="first">The decision on <see cref="Prefix"/>.</param>
    /// <param name="tuning">A first ask read only as a best guess does not override: a lone first sentence is short,
    /// and a short question's weak reading is a worse guess than the whole message's.</param>
    public static bool Overrides(IntentDecision whole, IntentDecision first, ClassifierTuning tuning) =>
        IntentClassifier.IsSubstantive(whole.Intent)
        && IntentClassifier.IsSubstantive(first.Intent)
        && !first.LowConfidence
        && first.Confidence >= tuning.BestGuess
        && first.Intent != whole.Intent;

    private static bool HasWords(string rest) => rest.Any(char.IsLetter);

    private static bool HasQuestionAfter(string rest) => rest.Contains('?') || LaterQuestionOpening().IsMatch(rest);

    // A run of question marks (with "?!" mixes) closes a question; "??" is one end, not two.
    [GeneratedRegex(@"[?][?!]*", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionEnd();

    // Side asks tacked on without a question mark: "... and how long till i can wear makeup", "also does it hurt".
    [GeneratedRegex(@"(^|[.!\n]\s*|\b(also|and|plus|btw)\s+)(how|what|which|when|will|would|can|could|should|do|does|is|are)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LaterQuestionOpening();
}

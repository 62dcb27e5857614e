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
        var end = QuestionEnd().Matches(text).Select(m => m.Index + m.Length).FirstOrDefault(at => HasWords(text[at..]) && AsksSomething(text[..at]));
        if (end > 0 && HasQuestionAfter(text[end..]))
        {
            return text[..end].TrimEnd();
        }

        // "what are my options ... im desperate lol. also will they ever go away": a side ask tacked on with no question mark.
        var side = SideAsk().Match(text);
        return side.Success && side.Index > 0 && QuestionWord().IsMatch(text[..side.Index]) ? text[..side.Index].TrimEnd() : null;
    }

    /// <summary>Whether the first ask's decision should stand for the whole message.</summary>
    /// <param name="whole">The decision on the whole message.</param>
    /// <param name="first">The decision on <see cref="Prefix"/>.</param>
    /// <param name="tuning">A first ask read only as a best guess does not override a sure reading of the whole: a lone
    /// first sentence is short, and a short question's weak reading is a worse guess than the whole message's. When the
    /// whole is only a best guess too, a clearly surer first ask stands (<see
    /// cref="ClassifierTuning.FirstAskOverBestGuess"/>), since the first question is most often the one the person came
    /// with.</param>
    public static bool Overrides(IntentDecision whole, IntentDecision first, ClassifierTuning tuning) =>
        IntentClassifier.IsSubstantive(whole.Intent)
        && IntentClassifier.IsSubstantive(first.Intent)
        && !first.LowConfidence
        && (first.Confidence >= tuning.BestGuess || (whole.Confidence < tuning.BestGuess && first.Confidence >= whole.Confidence + tuning.FirstAskOverBestGuess))
        && first.Intent != whole.Intent;

    private static bool HasWords(string rest) => rest.Any(char.IsLetter);

    /// <summary>
    /// Whether the sentence a question mark closes asks something: "ok so not pits i think??" only hedges, and the
    /// question the person came with ("do those count as scars?") comes after it.
    /// </summary>
    private static bool AsksSomething(string upToQuestionMark)
    {
        var question = upToQuestionMark.TrimEnd('?', '!');
        var start = question.LastIndexOfAny(['.', '!', '?', '\n']) + 1;
        return SentenceQuestionWord().IsMatch(question[start..]);
    }

    private static bool HasQuestionAfter(string rest) => rest.Contains('?') || LaterQuestionOpening().IsMatch(rest);

    // A run of question marks (with "?!" mixes) closes a question; "??" is one end, not two.
    [GeneratedRegex(@"[?][?!]*", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionEnd();

    [GeneratedRegex(@"\b(also|btw|plus|oh and|and also)\s+(how|what|which|when|will|would|can|could|should|do|does|is|are)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SideAsk();

    [GeneratedRegex(@"\b(how|what|whats|which|why|when|will|would|can|could|should|does|is there|are there|any)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionWord();

    // A question word anywhere, or a verb that opens a question where a question opens (the sentence's or a clause's start)
    // or before its subject ("is it", "should i"): "my mom wants me to do microneedling but i read it doesnt work on ice
    // pick scars??" reports what someone said, and the question the person came with comes after it.
    [GeneratedRegex(@"\b(how|hows|what|whats|which|why|when|where|who|any|anyone|or|vs|versus)\b|(^|[,;:]\s*|\b(but|and|so|like|ok|okay|also|btw|then|tho|though|pls|please|lol|or)\s+)\s*(do|does|did|is|are|am|will|would|can|could|should)\b|\b(do|does|is|are|am|will|would|can|could|should)\s+(i|it|they|you|he|she|we|this|that|these|those|there|my|your|u)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceQuestionWord();

    // Side asks tacked on without a question mark: "... and how long till i can wear makeup", "if not whats the cheapest fix".
    [GeneratedRegex(@"(^|[.!\n]\s*|\b(also|and|plus|btw|if not|or)\s+)(how|hows|what|whats|which|when|will|would|can|could|should|do|does|is|are)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LaterQuestionOpening();
}

using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Scope;
using SkinBot.Core.Text;

namespace SkinBot.Core.Intents;

/// <summary>
/// Everything the intent rules read about one message, computed once: its words as written and as analysed,
/// what it names, which subject outside pockmarks it is about, and how each intent scores.
/// </summary>
public sealed class MessageEvidence
{
    private MessageEvidence(string text, IReadOnlyList<string> surface, string corrected, MessageFeatures features, ScopeVerdict? scope, IReadOnlyList<IntentScore> scores, IReadOnlyList<IntentScore> examples, IReadOnlyList<IntentScore> semantic)
    {
        Text = text;
        Surface = surface;
        Corrected = corrected;
        Features = features;
        Scope = scope;
        Scores = scores;
        NearestExamples = examples;
        Semantic = semantic;
    }

    /// <summary>The normalised message (markup reduced, look-alikes folded).</summary>
    public string Text { get; }

    /// <summary>Its words as written, lower-cased.</summary>
    public IReadOnlyList<string> Surface { get; }

    /// <summary>The message after its chat shorthand is spelled out and its spelling corrected.</summary>
    public string Corrected { get; }

    public MessageFeatures Features { get; }

    public IReadOnlyList<string> Terms => Features.Terms;

    /// <summary>A subject outside pockmarks that the message is about, if any.</summary>
    public ScopeVerdict? Scope { get; }

    /// <summary>Intents by combined evidence (examples, signals, semantic similarity), best first.</summary>
    public IReadOnlyList<IntentScore> Scores { get; }

    public IReadOnlyList<IntentScore> NearestExamples { get; }

    public IReadOnlyList<IntentScore> Semantic { get; }

    public IntentScore Top => Scores.Count > 0 ? Scores[0] : new IntentScore(IntentIds.OutOfScope, 0);

    /// <summary>Nothing but greetings, thanks and "what can you do" words.</summary>
    public bool PleasantriesOnly { get; private init; }

    /// <summary>
    /// Greeting or help words around nothing but the subject's name, said to SkinBot: "are you able to answer questions
    /// about acne scars?" asks what SkinBot can do, not for one of its answers; "hi! what are pockmarks? thanks!!" says
    /// hello and thanks around a question and asks for the answer.
    /// </summary>
    public bool AsksAboutTheBot { get; private init; }

    /// <summary>
    /// Said to SkinBot ("are you a real person or a bot?") and not asking it to tell about the subject ("can u explain
    /// boxcar scars"), whatever else the message holds.
    /// </summary>
    public bool SpeaksToTheBot { get; private init; }

    /// <summary>Words that speak to SkinBot itself; "you" after a thanks is only the thanks.</summary>
    private static readonly HashSet<string> BotWords = new(StringComparer.Ordinal) { "you", "u", "ya", "your", "ur", "yourself", "bot", "skinbot" };

    private static readonly HashSet<string> ThanksWords = new(StringComparer.Ordinal) { "thank", "thanks", "thx", "ty" };

    private static bool IsSaidToTheBot(IReadOnlyList<string> surface)
    {
        for (var i = 0; i < surface.Count; i++)
        {
            if (BotWords.Contains(surface[i]) && !(i > 0 && ThanksWords.Contains(surface[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> TellWords = new(StringComparer.Ordinal) { "tell", "teach" };

    private static readonly HashSet<string> ExplainWords = new(StringComparer.Ordinal) { "explain", "describe" };

    /// <summary>
    /// "hey bot what can you tell me about pockmarks", "can u explain boxcar scars": said to SkinBot, but asking for
    /// what it knows about the subject, not what it is; "can you tell me if you only do scars" stays about SkinBot.
    /// </summary>
    private static bool AsksToBeToldAboutIt(IReadOnlyList<string> surface)
    {
        for (var i = 0; i < surface.Count; i++)
        {
            if (ExplainWords.Contains(surface[i]))
            {
                return true;
            }

            if (TellWords.Contains(surface[i]) && surface.Skip(i + 1).Take(3).Contains("about", StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The closest substantive intents, best first.</summary>
    public IReadOnlyList<string> Nearest => [.. Scores.Select(s => s.Intent).Where(IntentClassifier.IsSubstantive).Take(3)];

    public static MessageEvidence Read(string normalised, KnowledgeBase knowledge, ClassifierTuning tuning)
    {
        // The safety screen and the language rules read the message as written ("s u i c i d e" is no "you"); only the
        // reading for an intent spells its shorthand out.
        var spelledOut = MoneyWords.SpellOut(knowledge.Vocabulary.Shorthand.Rewrite(normalised));
        var surface = SurfaceWords.Of(normalised);
        var corrected = knowledge.Vocabulary.DescriptiveWords.Rewrite(knowledge.Spelling.Correct(spelledOut));
        var terms = knowledge.Analyzer.Terms(corrected);
        var features = MessageFeatures.Read(terms, knowledge, spelledOut);
        var examples = knowledge.Examples.Classify(features.MaskedTerms);
        var semantic = knowledge.SemanticExamples?.Classify(spelledOut) ?? [];
        var speaksToTheBot = IsSaidToTheBot(surface) && !AsksToBeToldAboutIt(surface);
        return new MessageEvidence(normalised, surface, corrected, features, knowledge.Scope.Screen(surface), Combine(examples, semantic, features, tuning), examples, semantic)
        {
            PleasantriesOnly = terms.Any(knowledge.Vocabulary.PleasantryTerms.Contains) && terms.All(t => knowledge.Vocabulary.PleasantryTerms.Contains(t) || !IsContentTerm(t, knowledge)),
            AsksAboutTheBot = terms.Any(knowledge.Vocabulary.PleasantryTerms.Contains) && terms.All(t => knowledge.Vocabulary.PleasantryTerms.Contains(t) || knowledge.Vocabulary.SubjectNameTerms.Contains(t) || !IsContentTerm(t, knowledge))
                && speaksToTheBot,
            SpeaksToTheBot = speaksToTheBot,
        };
    }

    /// <summary>
    /// A margin-based confidence: how far the top intent is ahead of the next, scaled by how much of the message
    /// SkinBot recognises. Wrong intents mostly come from close races and unknown words, so both pull it down.
    /// </summary>
    public double MarginConfidence(ClassifierTuning tuning)
    {
        var top = Top.Score;
        var second = Scores.Count > 1 ? Scores[1].Score : 0;
        var margin = top <= 0 ? 0 : (top - second) / top;
        return Math.Clamp((tuning.ConfidenceBase + (tuning.ConfidenceSpan * margin)) * (1 - tuning.KnownTermsShare + (tuning.KnownTermsShare * Features.KnownTermShare)), 0, 1);
    }

    public double ScoreOf(string intent) => Scores.FirstOrDefault(s => s.Intent == intent).Score;

    /// <summary>Nearest examples scaled so the best scores 1, semantic similarity, and a weight per matched signal.</summary>
    private static IReadOnlyList<IntentScore> Combine(IReadOnlyList<IntentScore> examples, IReadOnlyList<IntentScore> semantic, MessageFeatures features, ClassifierTuning tuning)
    {
        var best = examples.Count > 0 ? examples[0].Score : 0;
        var combined = examples.ToDictionary(n => n.Intent, n => best > 0 ? n.Score / best : 0, StringComparer.Ordinal);
        foreach (var (intent, similarity) in semantic)
        {
            combined[intent] = combined.GetValueOrDefault(intent) + (tuning.SemanticWeight * similarity);
        }

        foreach (var (intent, count) in features.Signals)
        {
            combined[intent] = combined.GetValueOrDefault(intent) + (tuning.SignalWeight * Math.Min(count, tuning.MaxSignalsCounted));
        }

        return [.. combined.Select(c => new IntentScore(c.Key, c.Value)).OrderByDescending(c => c.Score).ThenBy(c => c.Intent, StringComparer.Ordinal)];
    }

    // A setting word ranks no passage, but "what can I do at home?" asks for something, so it is not a pleasantry.
    private static bool IsContentTerm(string term, KnowledgeBase knowledge) =>
        !knowledge.Vocabulary.NonRankingTerms.Contains(term) || knowledge.Vocabulary.SettingCues.ContainsKey(term);
}

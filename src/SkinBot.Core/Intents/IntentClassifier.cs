using System.Text.RegularExpressions;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;

namespace SkinBot.Core.Intents;

/// <summary>
/// Decides what a message asks. Order matters and is deliberate:
/// urgent symptoms first (safety beats relevance), then what the message names (a treatment or scar type is
/// answered from its own passage), then the nearest intent examples, then the at-home / in-office cues,
/// then whether it is about scarring at all, and last the conversation's previous topic for short follow-ups.
/// </summary>
public static partial class IntentClassifier
{
    private const double NamedConfidence = 0.9;

    public static IntentDecision Classify(string text, KnowledgeBase knowledge, ConversationContext? context, double lowConfidenceThreshold)
    {
        if (IsUrgent(text, knowledge.Intents))
        {
            return IntentDecision.Of(IntentIds.Urgent, 1.0);
        }

        var terms = knowledge.Analyzer.Terms(knowledge.Spelling.Correct(text));
        if (terms.Count == 0)
        {
            // Emoji, punctuation or only stop words: say what SkinBot can do rather than guess.
            return IntentDecision.Of(IntentIds.GreetingHelp, 0.5, terms);
        }

        var features = MessageFeatures.Read(terms, knowledge);
        var scores = knowledge.Examples.Classify(terms);
        var decision = Decide(features, scores, lowConfidenceThreshold);
        return context is not null && IsFollowUp(text, terms) ? ApplyContext(decision, features, context, lowConfidenceThreshold) : decision;
    }

    public static bool IsUrgent(string text, IntentCatalog intents)
    {
        foreach (var trigger in intents.UrgentTriggers)
        {
            try
            {
                if (trigger.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological message against a maintainer's pattern: treat it as not matching that pattern.
            }
        }

        return false;
    }

    private static IntentDecision Decide(MessageFeatures features, IReadOnlyList<IntentScore> scores, double threshold)
    {
        var terms = features.Terms;
        var top = scores.Count > 0 ? scores[0] : new IntentScore(IntentIds.OutOfScope, 0);
        var second = scores.Count > 1 ? scores[1].Score : 0;
        var margin = top.Score <= 0 ? 0 : top.Score / (top.Score + second);
        var confidence = Math.Clamp(((margin - 0.5) * 1.2 + 0.4) * (0.5 + (0.5 * features.KnownTermShare)), 0, 1);
        var nearest = scores.Select(s => s.Intent).Where(IsSubstantive).Take(3).ToList();

        if (features.Treatments.Count > 0 && top.Intent is not IntentIds.Prevention)
        {
            return new IntentDecision(IntentOfSetting(features.TreatmentsSetting), Math.Max(confidence, NamedConfidence), false, features.ScarTypes, features.Treatments, nearest, terms);
        }

        if (features.ScarTypes.Count > 0 && top.Intent is not (IntentIds.TreatmentAny or IntentIds.TreatmentAtHome or IntentIds.TreatmentInOffice or IntentIds.Permanence or IntentIds.Prevention))
        {
            return new IntentDecision(IntentIds.ScarTypes, Math.Max(confidence, NamedConfidence), false, features.ScarTypes, [], nearest, terms);
        }

        var chosen = top.Intent;
        if (IntentIds.IsTreatment(chosen) && features.Setting is { } setting)
        {
            chosen = IntentOfSetting(setting);
        }

        if (chosen == IntentIds.GreetingHelp && features.AboutScarring && scores.FirstOrDefault(s => IsSubstantive(s.Intent)) is { Intent: not null } substantive && substantive.Score >= top.Score * 0.5)
        {
            // "hi! what are pockmarks?" is a question with a greeting, not a greeting.
            chosen = substantive.Intent;
        }

        if (!features.AboutSkin)
        {
            if (chosen == IntentIds.GreetingHelp)
            {
                return new IntentDecision(chosen, confidence, false, [], [], nearest, terms);
            }

            // Nothing about scarring or skin: out of scope, unless the wording is clearly one of ours
            // ("do they go away?"), which is worth offering back rather than refusing.
            return IsSubstantive(chosen) && confidence >= threshold
                ? new IntentDecision(chosen, confidence * 0.5, true, features.ScarTypes, [], nearest, terms)
                : new IntentDecision(IntentIds.OutOfScope, Math.Max(confidence, 0.6), false, [], [], nearest, terms);
        }

        if (chosen == IntentIds.OutOfScope && features.AboutScarring && top.Score > 0 && scores.FirstOrDefault(s => IsSubstantive(s.Intent)) is { Intent: not null } inScope && inScope.Score >= top.Score * 0.8)
        {
            chosen = inScope.Intent;
        }

        var low = IsSubstantive(chosen) && confidence < threshold;
        return new IntentDecision(chosen, confidence, low, features.ScarTypes, [], nearest, terms);
    }

    /// <summary>A named treatment is answered with the intent of its setting; a question naming both settings is "any".</summary>
    private static string IntentOfSetting(string? setting) => setting switch
    {
        CommandNames.Settings.AtHome => IntentIds.TreatmentAtHome,
        CommandNames.Settings.InOffice => IntentIds.TreatmentInOffice,
        _ => IntentIds.TreatmentAny,
    };

    /// <summary>"and rolling?", "what about at home?": short, or opening with a follow-up phrase.</summary>
    private static bool IsFollowUp(string text, IReadOnlyList<string> terms) =>
        terms.Count <= 4 || FollowUpOpening().IsMatch(text);

    private static IntentDecision ApplyContext(IntentDecision decision, MessageFeatures features, ConversationContext context, double threshold)
    {
        if (decision.Intent is IntentIds.Urgent || decision.Treatments.Count > 0)
        {
            return decision;
        }

        if (features.ScarTypes.Count > 0 && context.Intent is IntentIds.ScarTypes or IntentIds.Definition)
        {
            return decision with { Intent = IntentIds.ScarTypes, LowConfidence = false, Confidence = Math.Max(decision.Confidence, NamedConfidence) };
        }

        if (features.Setting is { } setting && features.Treatments.Count == 0 && context.Intent is not (IntentIds.OutOfScope or IntentIds.GreetingHelp))
        {
            return decision with { Intent = IntentOfSetting(setting), LowConfidence = false, Confidence = Math.Max(decision.Confidence, 0.8) };
        }

        if ((decision.LowConfidence || decision.Intent == IntentIds.OutOfScope || decision.Confidence < threshold) && IsSubstantive(context.Intent))
        {
            // "and them?" with nothing else to go on: stay on the conversation's topic.
            return decision with { Intent = context.Intent, LowConfidence = false, Confidence = Math.Max(threshold, 0.5) };
        }

        return decision;
    }

    public static bool IsSubstantive(string intent) =>
        intent is not (IntentIds.GreetingHelp or IntentIds.OutOfScope or IntentIds.Urgent);

    [GeneratedRegex(@"^\s*(and|also|plus|but|so|ok(ay)?|what about|how about|and what about|what if|same for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUpOpening();
}

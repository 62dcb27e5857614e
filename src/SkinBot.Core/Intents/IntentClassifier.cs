using System.Text.RegularExpressions;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;

namespace SkinBot.Core.Intents;

/// <summary>
/// Decides what a message asks. Order matters and is deliberate: urgent symptoms first (safety beats relevance);
/// then out-of-scope topics; then what the message names (a treatment or scar type is answered from its own
/// passage); then the nearest intent examples plus signals, with the at-home / in-office words picking the list;
/// then whether it is about scarring at all; and last the conversation's previous topic for short follow-ups.
/// </summary>
public static partial class IntentClassifier
{
    private const double NamedConfidence = 0.9;
    private const double SignalWeight = 0.6;
    private const int MaxSignalsCounted = 3;
    private const int StrongSignal = 2;
    private const double OtherListRatio = 0.5;

    public static IntentDecision Classify(string text, KnowledgeBase knowledge, ConversationContext? context, double lowConfidenceThreshold)
    {
        text = MessageNormalizer.Normalize(text);
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

        var features = MessageFeatures.Read(terms, knowledge, text);
        var scores = Score(knowledge, features);
        var decision = Decide(features, scores, lowConfidenceThreshold);
        return context is not null && IsFollowUp(text, terms) ? ApplyContext(decision, features, context, knowledge, lowConfidenceThreshold) : decision;
    }

    /// <summary>The evidence behind a classification, for <c>skinbot ask --explain</c> and for tuning intents.yml.</summary>
    public static string Explain(string text, KnowledgeBase knowledge)
    {
        text = MessageNormalizer.Normalize(text);
        var corrected = knowledge.Spelling.Correct(text);
        var terms = knowledge.Analyzer.Terms(corrected);
        var features = MessageFeatures.Read(terms, knowledge, text);
        var neighbours = knowledge.Examples.Classify(features.MaskedTerms);
        var scores = Score(knowledge, features);
        return string.Join('\n',
            $"urgent trigger:   {IsUrgent(text, knowledge.Intents)}",
            $"spelling:         {(corrected == text ? "(unchanged)" : corrected)}",
            $"terms:            {string.Join(' ', terms)}",
            $"masked:           {string.Join(' ', features.MaskedTerms)}",
            $"scar types:       {string.Join(", ", features.ScarTypes)}",
            $"treatments:       {string.Join(", ", features.Treatments.Select(p => p.LeadTerm))}",
            $"setting cue:      {features.Setting}",
            $"about scarring:   {features.AboutScarring} (skin {features.AboutSkin}, pockmarks {features.AboutPockmarks}, out-of-scope signals {features.OutOfScopeSignals}, known {features.KnownTermShare:0.00}, unknown terms {features.UnknownTerms}, noise {features.Noise})",
            $"nearest examples: {string.Join(", ", neighbours.Select(n => $"{n.Intent} {n.Score:0.00}"))}",
            $"signals:          {string.Join(", ", features.Signals.Select(n => $"{n.Key} {n.Value}"))}",
            $"combined:         {string.Join(", ", scores.Select(n => $"{n.Intent} {n.Score:0.00}"))}");
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
        var margin = top.Score <= 0 ? 0 : (top.Score - second) / top.Score;
        var confidence = Math.Clamp((0.45 + (0.55 * margin)) * (0.7 + (0.3 * features.KnownTermShare)), 0, 1);
        var nearest = scores.Select(s => s.Intent).Where(IsSubstantive).Take(3).ToList();

        // A keloid, a tattoo, a knee-surgery scar: skin words, but not what the article covers. A weak signal
        // ("surgery") gives way when the message names one of the article's treatments for a scar.
        var namedForScar = features.Treatments.Count > 0 && features.MentionsScar;
        if (features.OutOfScopeSignals > 0 && !features.AboutPockmarks && !(namedForScar && features.OutOfScopeSignals < StrongSignal))
        {
            return new IntentDecision(IntentIds.OutOfScope, Math.Max(confidence, 0.7), false, [], [], nearest, terms);
        }

        if (features.Treatments.Count > 0 && OtherListAsked(features, scores) is { } otherList)
        {
            // "I've tried retinol and vitamin C for years: what would a dermatologist do?" names at-home products
            // as background; the question, by its wording, is about the in-office list.
            return new IntentDecision(otherList, confidence, false, features.ScarTypes, [], nearest, terms);
        }

        if (features.Treatments.Count > 0)
        {
            return new IntentDecision(IntentOfSetting(features.TreatmentsSetting), Math.Max(confidence, NamedConfidence), false, features.ScarTypes, features.Treatments, nearest, terms);
        }

        if (features.ScarTypes.Count > 0)
        {
            // "what are boxcar scars" asks about the type; "how do I get rid of boxcar scars" asks about treating it.
            var about = top.Intent is IntentIds.TreatmentAny or IntentIds.TreatmentAtHome or IntentIds.TreatmentInOffice or IntentIds.Permanence or IntentIds.Prevention
                ? top.Intent
                : IntentIds.ScarTypes;
            if (IntentIds.IsTreatment(about) && features.Setting is { } scarSetting)
            {
                about = IntentOfSetting(scarSetting);
            }

            return new IntentDecision(about, Math.Max(confidence, about == IntentIds.ScarTypes ? NamedConfidence : confidence), false, features.ScarTypes, [], nearest, terms);
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

        if (!features.AboutScarring)
        {
            return Unanchored(features, chosen, confidence, threshold, nearest);
        }

        if (chosen == IntentIds.OutOfScope && features.AboutPockmarks && scores.FirstOrDefault(s => IsSubstantive(s.Intent)) is { Intent: not null } inScope && inScope.Score >= top.Score * 0.8)
        {
            chosen = inScope.Intent;
        }

        var low = IsSubstantive(chosen) && confidence < threshold;
        return new IntentDecision(chosen, confidence, low, features.ScarTypes, [], nearest, terms);
    }

    /// <summary>
    /// A message with no word about scarring: a greeting or noise gets help; words SkinBot does not know make
    /// it about something else; wording that is clearly one of SkinBot's questions ("am I stuck with these
    /// forever?") is answered; a vaguer resemblance is offered back as a suggestion.
    /// </summary>
    private static IntentDecision Unanchored(MessageFeatures features, string chosen, double confidence, double threshold, IReadOnlyList<string> nearest)
    {
        var terms = features.Terms;
        var greeted = features.Signals.ContainsKey(IntentIds.GreetingHelp);
        if (features.Noise || (greeted && chosen == IntentIds.GreetingHelp))
        {
            return new IntentDecision(IntentIds.GreetingHelp, greeted ? confidence : 0.5, false, [], [], nearest, terms);
        }

        var signalled = features.Signals.ContainsKey(chosen);
        if (IsSubstantive(chosen) && confidence >= threshold && (signalled || features.UnknownTerms == 0))
        {
            return new IntentDecision(chosen, confidence * (signalled ? 0.8 : 0.5), !signalled, [], [], nearest, terms);
        }

        if (chosen == IntentIds.GreetingHelp && features.UnknownTerms == 0)
        {
            return new IntentDecision(IntentIds.GreetingHelp, confidence, false, [], [], nearest, terms);
        }

        return new IntentDecision(IntentIds.OutOfScope, Math.Max(confidence, 0.6), false, [], [], nearest, terms);
    }

    /// <summary>
    /// Nearest examples (scaled so the best intent scores 1) plus a fixed weight per matched signal: examples
    /// carry phrasing, signals carry the words that settle what is being asked ("forever", "prevent", "types").
    /// </summary>
    private static IReadOnlyList<IntentScore> Score(KnowledgeBase knowledge, MessageFeatures features)
    {
        var neighbours = knowledge.Examples.Classify(features.MaskedTerms);
        var best = neighbours.Count > 0 ? neighbours[0].Score : 0;
        var combined = neighbours.ToDictionary(n => n.Intent, n => best > 0 ? n.Score / best : 0, StringComparer.Ordinal);
        foreach (var (intent, count) in features.Signals)
        {
            combined[intent] = combined.GetValueOrDefault(intent) + (SignalWeight * Math.Min(count, MaxSignalsCounted));
        }

        return [.. combined.Select(c => new IntentScore(c.Key, c.Value)).OrderByDescending(c => c.Score)];
    }

    /// <summary>
    /// The other setting's list, when the message's wording (examples and signals) clearly asks for it rather
    /// than for the treatments it names.
    /// </summary>
    private static string? OtherListAsked(MessageFeatures features, IReadOnlyList<IntentScore> scores)
    {
        var named = IntentOfSetting(features.TreatmentsSetting);
        if (named == IntentIds.TreatmentAny || scores.Count == 0)
        {
            return null;
        }

        var top = scores[0];
        var other = named == IntentIds.TreatmentAtHome ? IntentIds.TreatmentInOffice : IntentIds.TreatmentAtHome;
        var namedScore = scores.FirstOrDefault(s => s.Intent == named).Score;
        return top.Intent == other && namedScore < top.Score * OtherListRatio ? other : null;
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

    private static IntentDecision ApplyContext(IntentDecision decision, MessageFeatures features, ConversationContext context, KnowledgeBase knowledge, double threshold)
    {
        // A message that names something outside pockmarks ("what's the weather like?") is out of scope whatever
        // the conversation was about; only a message SkinBot cannot place at all borrows the previous topic.
        if (decision.Intent is IntentIds.Urgent || decision.Treatments.Count > 0
            || (decision.Intent == IntentIds.OutOfScope && features.OutOfScopeSignals > 0))
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
            // "does it hurt?" after subcision, "and them?": nothing else to go on, so stay on the conversation's
            // intent and, where it had one, its subject.
            var carried = decision with { Intent = context.Intent, LowConfidence = false, Confidence = Math.Max(threshold, 0.5) };
            return context.Topic switch
            {
                null => carried,
                var type when CommandNames.ScarTypes.All.Contains(type) => carried with { ScarTypes = [type] },
                var lead => carried with { Treatments = TreatmentsNamed(lead, knowledge) },
            };
        }

        return decision;
    }

    /// <summary>The treatment passages whose lead term is exactly <paramref name="lead"/>.</summary>
    private static IReadOnlyList<Corpus.Passage> TreatmentsNamed(string lead, KnowledgeBase knowledge) =>
        [.. knowledge.Analyzer.Terms(lead)
            .SelectMany(t => knowledge.Vocabulary.TreatmentTerms.GetValueOrDefault(t) ?? [])
            .Where(p => string.Equals(p.LeadTerm, lead, StringComparison.Ordinal))
            .Distinct()
            .Take(1)];

    public static bool IsSubstantive(string intent) =>
        intent is not (IntentIds.GreetingHelp or IntentIds.OutOfScope or IntentIds.Urgent);

    [GeneratedRegex(@"^\s*(and|also|plus|but|so|ok(ay)?|what about|how about|and what about|what if|same for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUpOpening();
}

using System.Text;
using System.Text.RegularExpressions;
using SkinBot.Core.Conversations;
using SkinBot.Core.Domain;
using SkinBot.Core.Intents.Rules;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Markup;
using SkinBot.Core.Safety;
using SkinBot.Core.Text;

namespace SkinBot.Core.Intents;

/// <summary>
/// Decides what a message asks by running named rules in order; the first that decides wins. The order is the
/// policy: safety first, then greetings with nothing else in them, then subjects SkinBot does not cover, then
/// what the message names, then the best-scoring intent, then the conversation's previous topic for short
/// follow-ups. A message with several questions answers the main one and remembers the others as follow-ups.
/// </summary>
public static partial class IntentClassifier
{
    private static readonly IIntentRule[] Rules =
    [
        new SafetyScreenRule(),
        new NothingToReadRule(),
        new OtherLanguageRule(),
        new PleasantriesOnlyRule(),
        new OtherSubjectRule(),
        new OutOfScopeSignalRule(),
        new OtherListRule(),
        new NotCoveredRule(),
        new NothingAskedRule(),
        new QuestionAboutNamedTreatmentRule(),
        new NamedTreatmentRule(),
        new NamedScarTypeRule(),
        new NearestIntentRule(),
        new UnanchoredRule(),
    ];

    public static IntentDecision Classify(string text, KnowledgeBase knowledge, ConversationContext? context, double lowConfidenceThreshold) =>
        Classify(text, knowledge, context, ClassifierTuning.Default with { LowConfidence = lowConfidenceThreshold });

    public static IntentDecision Classify(string text, KnowledgeBase knowledge, ConversationContext? context, ClassifierTuning tuning)
    {
        // The screen reads every word, a quoted friend's too. What is asked is read from the person's own words when they
        // ask something clearly ("> how much was ur laser" then "idk. what are boxcar scars"), and from the whole message
        // when the quote is what they ask about ("> scars are permanent by definition" then "is that true??").
        var whole = MessageNormalizer.Normalize(text);
        var screening = knowledge.Screen(
            whole,
            context?.CrisisRepliedAt is not null,
            context?.CrisisNearMissAt is not null,
            knowledge.Safety.CarriedSubjects.FromNames(context?.Subjects),
            context?.MedicalRepliedAt is null ? Domain.Urgency.None : context.MedicalTier);
        var decision = OwnAsk(text, knowledge, context, tuning, screening) ?? Understand(whole, knowledge, context, tuning, screening);
        return decision with { NearCrisis = screening.NearMiss, Subjects = screening.Subjects, ToldAsOver = screening.ToldAsOver };
    }

    /// <summary>
    /// For a reply that quotes someone, the decision from the person's own words when it is clear (substantive, neither
    /// low confidence nor a best guess); null when nothing is quoted or the own words ask nothing clear alone.
    /// </summary>
    private static IntentDecision? OwnAsk(string text, KnowledgeBase knowledge, ConversationContext? context, ClassifierTuning tuning, SafetyScreening screening)
    {
        var own = QuotedReply.OwnWords(text);
        return !ReferenceEquals(own, text)
            && Understand(MessageNormalizer.Normalize(own), knowledge, context, tuning, screening) is { LowConfidence: false, BestGuess: false } ownAsk
            && IsSubstantive(ownAsk.Intent)
            ? ownAsk
            : null;
    }

    /// <summary>The decision for one reading of the message, with its follow-ups and other asks.</summary>
    private static IntentDecision Understand(string text, KnowledgeBase knowledge, ConversationContext? context, ClassifierTuning tuning, SafetyScreening screening)
    {
        var evidence = MessageEvidence.Read(text, knowledge, tuning);
        var decision = PreferFirstAsk(Decide(evidence, knowledge, context, tuning, screening, trace: null), text, knowledge, tuning, trace: null);
        if (context is not null && ConversationFollowUp.Applies(evidence, tuning))
        {
            decision = ConversationFollowUp.Apply(decision, evidence, context, knowledge, tuning);
        }

        decision = WithBestGuess(decision, tuning);
        return IsSubstantive(decision.Intent) && !decision.LowConfidence
            ? decision with { OtherAsks = OtherAsks(text, decision, knowledge, tuning) }
            : decision;
    }

    private static IntentDecision WithBestGuess(IntentDecision decision, ClassifierTuning tuning) =>
        decision with { BestGuess = IsSubstantive(decision.Intent) && !decision.LowConfidence && decision.Confidence < tuning.BestGuess };

    /// <summary>The evidence and the rules behind a classification, for <c>skinbot ask --explain</c> and for tuning.</summary>
    public static string Explain(string text, KnowledgeBase knowledge, ClassifierTuning? tuning = null)
    {
        tuning ??= ClassifierTuning.Default;
        var whole = MessageNormalizer.Normalize(text);
        var screening = knowledge.Screen(whole);

        // The reading Classify answers from: the own words of a quoting reply when they ask clearly, else the whole.
        text = OwnAsk(text, knowledge, null, tuning, screening) is null ? whole : MessageNormalizer.Normalize(QuotedReply.OwnWords(text));
        var evidence = MessageEvidence.Read(text, knowledge, tuning);
        var features = evidence.Features;
        var trace = new List<string>();
        var decision = WithBestGuess(PreferFirstAsk(Decide(evidence, knowledge, null, tuning, screening, trace), text, knowledge, tuning, trace), tuning);
        var asks = IsSubstantive(decision.Intent) && !decision.LowConfidence ? OtherAsks(text, decision, knowledge, tuning) : [];
        var lines = new StringBuilder();
        lines.AppendLine($"normalised:       {text}");
        lines.AppendLine($"spelling:         {(evidence.Corrected == text ? "(unchanged)" : evidence.Corrected)}");
        lines.AppendLine($"terms:            {string.Join(' ', features.Terms)}");
        lines.AppendLine($"masked:           {string.Join(' ', features.MaskedTerms)}");
        lines.AppendLine($"scar types:       {string.Join(", ", features.ScarTypes)}");
        lines.AppendLine($"treatments:       {string.Join(", ", features.Treatments.Select(p => p.LeadTerm))}");
        lines.AppendLine($"setting cue:      {features.Setting}");
        lines.AppendLine($"other subject:    {(evidence.Scope is { } scope ? $"{scope.Topic.Id} (\"{scope.MatchedWords}\")" : "none")}");
        lines.AppendLine($"about scarring:   {features.AboutScarring} (skin {features.AboutSkin}, pockmarks {features.AboutPockmarks}, out-of-scope signals {features.OutOfScopeSignals}, known {features.KnownTermShare:0.00}, unknown terms {features.UnknownTerms}, noise {features.Noise}, pleasantries only {evidence.PleasantriesOnly})");
        lines.AppendLine($"nearest examples: {string.Join(", ", evidence.NearestExamples.Select(n => $"{n.Intent} {n.Score:0.00}"))}");
        lines.AppendLine($"semantic:         {(knowledge.SemanticExamples is null ? "(no model)" : string.Join(", ", evidence.Semantic.Take(4).Select(n => $"{n.Intent} {n.Score:0.00}")))}");
        lines.AppendLine($"signals:          {string.Join(", ", features.Signals.Select(n => $"{n.Key} {n.Value}"))}");
        lines.AppendLine($"combined:         {string.Join(", ", evidence.Scores.Select(n => $"{n.Intent} {n.Score:0.00}"))}");
        lines.AppendLine("rules:");
        trace.ForEach(t => lines.AppendLine($"  {t}"));
        lines.AppendLine($"urgency:          {Domain.UrgencyNames.ToName(decision.Urgency)}{(decision.Safety is { } safety ? $" (sign {safety.Sign.Name}: \"{safety.MatchedWords}\"; {safety.Sign.Covers})" : string.Empty)}");
        if (decision.Safety?.GaveWay is { } gaveWay)
        {
            lines.AppendLine($"gave way:         sign {gaveWay.Name} showed too, but yields to this one");
        }

        if (decision.Safety?.CrisisReading is { } reading)
        {
            lines.AppendLine($"also crisis-like: {reading}; the crisis lines are added to the reply");
        }

        if (screening.NearMiss is { } near)
        {
            lines.AppendLine($"near a crisis:    {near}; the next message is read for saying it was meant");
        }

        if (screening.ToldAsOver != Domain.Urgency.None)
        {
            lines.AppendLine($"told as over:     a {Domain.UrgencyNames.ToName(screening.ToldAsOver)} sign, in clauses that speak of the past or of it being over; answered with where help is under the answer");
        }

        lines.AppendLine($"decision:         {decision.Intent} {decision.Confidence:0.00}{(decision.LowConfidence ? " (low confidence: offers the nearest topics)" : decision.BestGuess ? " (best guess: says so and offers the nearest topics first)" : string.Empty)} by {decision.Rule}");
        lines.Append($"other asks:       {string.Join(", ", asks)}");
        return lines.ToString();
    }

    public static bool IsSubstantive(string intent) =>
        intent is not (IntentIds.GreetingHelp or IntentIds.OutOfScope or IntentIds.Urgent);

    private static IntentDecision Decide(MessageEvidence evidence, KnowledgeBase knowledge, ConversationContext? context, ClassifierTuning tuning, SafetyScreening screening, List<string>? trace) =>
        Decide(evidence, knowledge, context, tuning, screening, trace, Rules);

    /// <summary>
    /// A part of a message already screened as a whole (its first question, its other questions): the screen, the
    /// costliest rule, is not run again, and an urgent part could not stand for the message anyway.
    /// </summary>
    private static IntentDecision DecidePart(string part, KnowledgeBase knowledge, ClassifierTuning tuning) =>
        Decide(MessageEvidence.Read(part, knowledge, tuning), knowledge, null, tuning, SafetyScreening.Clear, trace: null, RulesAfterTheScreen);

    private static readonly IIntentRule[] RulesAfterTheScreen = [.. Rules.Where(rule => rule is not SafetyScreenRule)];

    private static IntentDecision Decide(MessageEvidence evidence, KnowledgeBase knowledge, ConversationContext? context, ClassifierTuning tuning, SafetyScreening screening, List<string>? trace, IIntentRule[] rules)
    {
        var input = new RuleInput(evidence, knowledge, context, tuning, screening);
        foreach (var rule in rules)
        {
            if (rule.Decide(input) is { } decision)
            {
                trace?.Add($"{rule.Name}: decided {decision.Intent}");
                return decision with { Rule = rule.Name };
            }

            trace?.Add($"{rule.Name}: passed");
        }

        // UnanchoredRule always decides; this is only reached if the rule list is edited without one.
        return input.Decision(IntentIds.OutOfScope, 0.5) with { Rule = "fallback" };
    }

    /// <summary>The decision on the message's first question instead, when <see cref="FirstAsk"/> says it should stand.</summary>
    private static IntentDecision PreferFirstAsk(IntentDecision whole, string text, KnowledgeBase knowledge, ClassifierTuning tuning, List<string>? trace)
    {
        if (!IntentClassifier.IsSubstantive(whole.Intent) || FirstAsk.Prefix(text) is not { } prefix)
        {
            return whole;
        }

        var first = DecidePart(prefix, knowledge, tuning);
        if (!FirstAsk.Overrides(whole, first, tuning))
        {
            trace?.Add($"first-ask: kept {whole.Intent} (the first question alone reads {first.Intent} {first.Confidence:0.00})");
            return whole;
        }

        trace?.Add($"first-ask: decided {first.Intent} (\"{prefix}\" by {first.Rule})");
        return first with { Rule = $"first-ask ({first.Rule})" };
    }

    /// <summary>
    /// The other questions of a message that asks several ("what are rolling scars? and can they go away? and
    /// what can I do at home?"): each question sentence classified on its own, kept when it is confidently a
    /// different substantive intent.
    /// </summary>
    private static IReadOnlyList<string> OtherAsks(string text, IntentDecision main, KnowledgeBase knowledge, ClassifierTuning tuning)
    {
        var questions = QuestionSentences(text);
        if (questions.Count < 2)
        {
            return [];
        }

        var asks = new List<string>();
        // "what is subcision? ... does it hurt?": a later question says "it" for what the message named.
        var named = main.Treatments.Select(t => t.LeadTerm).Distinct(StringComparer.Ordinal).Take(2).ToList() is { Count: 1 } one ? one[0] : null;
        foreach (var question in questions)
        {
            var decision = DecidePart(question, knowledge, tuning);
            if (named is not null && (!IsSubstantive(decision.Intent) || decision.LowConfidence) && !question.Contains(named, StringComparison.OrdinalIgnoreCase))
            {
                decision = DecidePart($"{named}: {question}", knowledge, tuning);
            }

            if (IsSubstantive(decision.Intent) && !decision.LowConfidence && decision.Intent != main.Intent && !asks.Contains(decision.Intent))
            {
                asks.Add(decision.Intent);
            }
        }

        return [.. asks.Take(tuning.MaxOtherAsks)];
    }

    /// <summary>Sentences that end in a question mark, or open like a question.</summary>
    private static IReadOnlyList<string> QuestionSentences(string text) =>
        [.. Sentences.Of(text).Where(s => s.EndsWith('?') || QuestionOpening().IsMatch(s))];

    [GeneratedRegex(@"^((and|also|plus|btw|oh and|and also)\s+)?(what|how|why|which|when|where|will|would|can|could|should|do|does|is|are|am|any)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();
}

using SkinBot.Core.Conversations;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// After a decision: a short or "and what about…" message that SkinBot cannot place on its own borrows the
/// conversation's previous topic ("does it hurt?" after subcision). A message about another subject never does.
/// </summary>
public static partial class ConversationFollowUp
{
    public const string Name = "follow-up-context";

    public static bool Applies(MessageEvidence evidence, ClassifierTuning tuning) =>
        evidence.Terms.Count <= tuning.FollowUpMaxTerms || FollowUpOpening().IsMatch(evidence.Text)
        || evidence.Terms.Count <= tuning.FollowUpMaxTerms * 2 && BackReference().IsMatch(evidence.Text);

    public static IntentDecision Apply(IntentDecision decision, MessageEvidence evidence, ConversationContext context, KnowledgeBase knowledge, ClassifierTuning tuning)
    {
        var features = evidence.Features;
        if (decision.Intent is IntentIds.Urgent || decision.Treatments.Count > 0 || decision.Scope is not null
            || (decision.Intent == IntentIds.OutOfScope && features.OutOfScopeSignals > 0))
        {
            return decision;
        }

        if (features.ScarTypes.Count > 0 && context.Intent is IntentIds.ScarTypes or IntentIds.Definition)
        {
            return decision with { Intent = IntentIds.ScarTypes, LowConfidence = false, Confidence = Math.Max(decision.Confidence, tuning.Named), Rule = Name };
        }

        if (features.ScarTypes.Count == 0 && ScarTypeNames.FromName(context.Topic) is { } topic && AsksAboutTreating(decision.Intent, knowledge))
        {
            // "what are rolling scars?" then "how do you treat them?": the subject carries over, so the answer is the
            // treatments for rolling scars, not the generic list.
            var intent = decision.Intent == IntentIds.TreatmentAny && knowledge.Intents.File.Intents.FirstOrDefault(i => i.TreatsNamedScarType) is { } byScarType
                ? byScarType.Id
                : decision.Intent;
            // As sure as "what about at home?": the words ask about treating, and the conversation says what.
            return decision with { Intent = intent, ScarTypes = [topic], LowConfidence = false, Confidence = Math.Max(decision.Confidence, tuning.SettingFollowUp), Rule = Name };
        }

        if (features.Setting is { } setting && features.Treatments.Count == 0 && context.Intent is not (IntentIds.OutOfScope or IntentIds.GreetingHelp))
        {
            return decision with { Intent = IntentIds.ForSetting(setting), LowConfidence = false, Confidence = Math.Max(decision.Confidence, tuning.SettingFollowUp), Rule = Name };
        }

        if ((decision.LowConfidence || decision.Intent == IntentIds.OutOfScope || decision.Confidence < tuning.LowConfidence) && IntentClassifier.IsSubstantive(context.Intent))
        {
            var carried = decision with { Intent = context.Intent, LowConfidence = false, Confidence = Math.Max(tuning.LowConfidence, tuning.CarriedOver), Rule = Name };
            return context.Topic switch
            {
                null => carried,
                var carriedTopic when ScarTypeNames.FromName(carriedTopic) is { } type => carried with { ScarTypes = [type] },
                var lead => carried with { Treatments = TreatmentsNamed(lead, knowledge) },
            };
        }

        return decision;
    }

    /// <summary>A question about treating something, or about what a treatment involves, can borrow the subject.</summary>
    private static bool AsksAboutTreating(string intent, KnowledgeBase knowledge) =>
        IntentIds.IsTreatment(intent) || knowledge.Intents.ById.TryGetValue(intent, out var definition) && (definition.AboutNamed || definition.TreatsNamedScarType);

    /// <summary>The treatment passages whose lead term is exactly <paramref name="lead"/>.</summary>
    private static IReadOnlyList<Corpus.Passage> TreatmentsNamed(string lead, KnowledgeBase knowledge) =>
        [.. knowledge.Analyzer.Terms(lead)
            .SelectMany(t => knowledge.Vocabulary.TreatmentTerms.GetValueOrDefault(t) ?? [])
            .Where(p => string.Equals(p.LeadTerm, lead, StringComparison.Ordinal))
            .Distinct()
            .Take(1)];

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(and|also|plus|but|so|ok(ay)?|what about|how about|and what about|what if|same for)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex FollowUpOpening();

    /// <summary>"how do you treat them?", "do those go away?": words that point back at the last answer's subject.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(them|they|those|these|that kind|that type|those ones|these ones|mine)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BackReference();
}

using SkinBot.Core.Conversations;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Safety;

namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// One named step of intent classification. Rules run in order; the first that decides wins. Each is small
/// enough to read on its own, and its name is what --explain and logs report.
/// </summary>
public interface IIntentRule
{
    string Name { get; }

    /// <summary>A decision, or null to leave the message to the next rule.</summary>
    IntentDecision? Decide(RuleInput input);
}

/// <summary>What every rule can read.</summary>
/// <param name="Screening">The safety screen's reading of the whole message, made once before the rules run.</param>
public sealed record RuleInput(MessageEvidence Evidence, KnowledgeBase Knowledge, ConversationContext? Context, ClassifierTuning Tuning, SafetyScreening Screening)
{
    public MessageFeatures Features => Evidence.Features;

    public IReadOnlyList<string> Terms => Evidence.Terms;

    /// <summary>Whether the intent asks about procedures done in a clinic (<c>clinic_only</c>).</summary>
    public bool AsksAboutClinicProcedures(string intent) =>
        Knowledge.Intents.ById.TryGetValue(intent, out var definition) && definition.ClinicOnly;

    /// <summary>Whether the intent asks something particular about a named scar type or treatment (<c>about_named</c>).</summary>
    public bool AsksAboutNamedThing(string intent) =>
        Knowledge.Intents.ById.TryGetValue(intent, out var definition) && definition.AboutNamed;

    /// <summary>Whether the intent answers which treatments suit the scar type a message names.</summary>
    public bool TreatsNamedScarType(string intent) =>
        Knowledge.Intents.ById.TryGetValue(intent, out var definition) && definition.TreatsNamedScarType;

    public IntentDecision Decision(string intent, double confidence, bool low = false) =>
        new(intent, confidence, low, Features.ScarTypes, [], Evidence.Nearest, Terms);
}

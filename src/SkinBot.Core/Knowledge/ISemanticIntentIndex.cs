namespace SkinBot.Core.Knowledge;

/// <summary>Scores intents by the meaning of a message rather than its words (paraphrase, unseen synonyms).</summary>
public interface ISemanticIntentIndex
{
    /// <summary>Intents with a similarity in 0..1 to the message, best first; empty when nothing is close.</summary>
    IReadOnlyList<IntentScore> Classify(string text);
}

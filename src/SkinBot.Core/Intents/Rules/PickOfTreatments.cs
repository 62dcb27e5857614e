namespace SkinBot.Core.Intents.Rules;

/// <summary>
/// Whether a message asks for the pick of all treatments ("which treatment is best for rolling scars", "other
/// options?") rather than about the ones it names ("which one is best", "does subcision work").
/// </summary>
internal static class PickOfTreatments
{
    /// <summary>Words that ask for other choices than the one named: "other options", "any alternatives".</summary>
    private static readonly HashSet<string> OtherChoices = new(StringComparer.Ordinal) { "options", "option", "alternatives", "alternative" };

    /// <summary>
    /// Words that, beside "best", "better" or "which", make it treatments that are being picked among ("which treatment
    /// is best", "what works best", "better for that type").
    /// </summary>
    private static readonly HashSet<string> TreatmentWords = new(StringComparer.Ordinal)
    {
        "treatment", "treatments", "procedure", "procedures", "works", "work", "type", "types",
    };

    public static bool IsAskedIn(IReadOnlyList<string> words) =>
        words.Any(OtherChoices.Contains)
        || (words.Any(w => w is "best" or "better" or "which") && words.Any(TreatmentWords.Contains))
        || BestForSomething(words);

    /// <summary>"is microneedling or laser better for boxcar": what is best or better for a thing is being picked.</summary>
    private static bool BestForSomething(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is "best" or "better" && words[i + 1] is "for" or "on")
            {
                return true;
            }
        }

        return false;
    }
}

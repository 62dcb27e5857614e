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
    /// is best", "what works best").
    /// </summary>
    private static readonly HashSet<string> TreatmentWords = new(StringComparer.Ordinal)
    {
        "treatment", "treatments", "procedure", "procedures", "works", "work",
    };

    /// <summary>
    /// Words that make it treatments being picked beside "best" or "better" but not beside "which": "what's best for
    /// that type" picks a treatment, "which type would that be" asks what the scars are.
    /// </summary>
    private static readonly HashSet<string> TypeWords = new(StringComparer.Ordinal) { "type", "types" };

    /// <summary>
    /// Words that, followed by "for" or "on", ask whether a treatment suits something: "good for boxcars". Not "work":
    /// "does subcision work for rolling scars?" asks about subcision.
    /// </summary>
    private static readonly HashSet<string> SuitsWords = new(StringComparer.Ordinal) { "good", "suited", "effective", "ideal" };

    /// <summary>Words before "work" that make it the job, not a treatment working: "on Zoom all day at work", "after work".</summary>
    private static readonly HashSet<string> WorkplaceWords = new(StringComparer.Ordinal) { "at", "to", "from", "after", "before", "off" };

    private static bool NamesTreatments(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (TreatmentWords.Contains(words[i]) && !(words[i] == "work" && i > 0 && WorkplaceWords.Contains(words[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAskedIn(IReadOnlyList<string> words) =>
        words.Any(OtherChoices.Contains)
        || (words.Any(w => w is "best" or "better" or "which") && NamesTreatments(words))
        || (words.Any(w => w is "best" or "better") && words.Any(TypeWords.Contains))
        || BestForSomething(words)
        || RecommendationFor(words)
        || AsksWhetherItSuits(words);

    /// <summary>
    /// Verbs that ask for someone's pick when the thing they are for follows ("what would you recommend for rolling
    /// scars", "what should i use on them", "what can i do about boxcars"), each with the words that may join it to that
    /// thing. "should i get them checked" or "do they fade" name no thing to pick for; "do" counts only after a person
    /// ("what can i do about"), since "what does subcision do for rolling scars" asks about subcision.
    /// </summary>
    private static readonly Dictionary<string, string[]> PickVerbs = new(StringComparer.Ordinal)
    {
        ["recommend"] = ["for", "on"],
        ["suggest"] = ["for", "on"],
        ["pick"] = ["for"],
        ["choose"] = ["for"],
        ["get"] = ["for"],
        ["use"] = ["for", "on"],
        ["try"] = ["for", "on"],
        ["do"] = ["for", "about"],
    };

    private static bool RecommendationFor(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (PickVerbs.TryGetValue(words[i], out var joins) && joins.Contains(words[i + 1], StringComparer.Ordinal)
                && (words[i] != "do" || (i > 0 && words[i - 1] is "i" or "you" or "u" or "we")))
            {
                return true;
            }
        }

        return false;
    }

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

    /// <summary>"is subcision good for boxcar scars or only rolling ones", "which one fits rolling scars" ask whether a treatment suits the type.</summary>
    private static bool AsksWhetherItSuits(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "fits" or "fit" or "suits" or "suit"
                || (i + 1 < words.Count && SuitsWords.Contains(words[i]) && words[i + 1] is "for" or "on"))
            {
                return true;
            }
        }

        return false;
    }
}

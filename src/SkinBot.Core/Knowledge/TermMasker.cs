namespace SkinBot.Core.Knowledge;

/// <summary>
/// Replaces the names of scar types and treatments with placeholders before intent classification, so
/// "how do I get rid of boxcar scars" reads as "how do I get rid of [scar type] scars" and is classified by what
/// it asks, not by which examples happen to mention boxcar scars.
/// </summary>
public static class TermMasker
{
    public const string ScarType = "xscartype";
    public const string Treatment = "xtreatment";

    public static IReadOnlyList<string> Mask(IReadOnlyList<string> terms, DomainVocabulary vocabulary) =>
        [.. terms.Select(t => vocabulary.ScarTypeTerms.ContainsKey(t) ? ScarType : vocabulary.TreatmentTerms.ContainsKey(t) ? Treatment : t)];
}

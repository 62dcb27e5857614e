namespace SkinBot.Core.Corpus;

/// <summary>How much two passages say in the same words: shared words over the larger passage's words.</summary>
public static class WordOverlap
{
    /// <summary>Two passages sharing this share of their words say the same thing (answers merge them, the check warns).</summary>
    public const double SameThing = 0.85;

    /// <summary>The passage's words, lower-cased, punctuation trimmed.</summary>
    public static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '“', '”', '’'))];

    public static double Of(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / Math.Max(a.Count, b.Count);
}

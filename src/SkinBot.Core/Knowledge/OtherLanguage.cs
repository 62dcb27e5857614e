namespace SkinBot.Core.Knowledge;

/// <summary>A language SkinBot cannot read, and its common short words (intents.yml, other_language_words).</summary>
public sealed record OtherLanguage(string Name, IReadOnlySet<string> Words)
{
    /// <summary>At least this many of its words, and this share of the message, say a message is in the language.</summary>
    public const int MinimumWords = 3;

    public const double MinimumShare = 0.2;

    /// <summary>
    /// The language of <paramref name="words"/> when enough of them are its common words ("que", "mein", "yung"):
    /// chat slang and a borrowed word or two do not make an English message foreign.
    /// </summary>
    public static OtherLanguage? Of(IReadOnlyList<string> words, IReadOnlyList<OtherLanguage> languages)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(languages);
        OtherLanguage? best = null;
        var bestCount = 0;
        foreach (var language in languages)
        {
            var count = words.Count(language.Words.Contains);
            if (count > bestCount)
            {
                best = language;
                bestCount = count;
            }
        }

        return bestCount >= MinimumWords && bestCount >= MinimumShare * words.Count ? best : null;
    }
}

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
    public static OtherLanguage? Of(IReadOnlyList<string> words, IReadOnlyList<OtherLanguage> languages) =>
        Named(words, languages)?.Language;

    /// <summary>
    /// <see cref="Of"/>, and only when the language's words outnumber the common English words of the message that are
    /// not also that language's: "hola! perdón mi inglés no es muy bueno... what causes the little holes in the face after
    /// acne?" asks in English, with a greeting and an apology in Spanish around it.
    /// </summary>
    public static OtherLanguage? MostlyOf(IReadOnlyList<string> words, IReadOnlyList<OtherLanguage> languages, IReadOnlySet<string> english)
    {
        ArgumentNullException.ThrowIfNull(english);
        if (Named(words, languages) is not { } named)
        {
            return null;
        }

        var englishOnly = words.Count(word => english.Contains(word) && !named.Language.Words.Contains(word));
        return named.Count > englishOnly ? named.Language : null;
    }

    /// <summary>The language with the most of its words in the message, and how many, when they name it.</summary>
    private static (OtherLanguage Language, int Count)? Named(IReadOnlyList<string> words, IReadOnlyList<OtherLanguage> languages) =>
        Best(words, languages) is { Count: >= MinimumWords } best && best.Count >= MinimumShare * words.Count ? best : null;

    private static (OtherLanguage Language, int Count)? Best(IReadOnlyList<string> words, IReadOnlyList<OtherLanguage> languages)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(languages);
        (OtherLanguage Language, int Count)? best = null;
        foreach (var language in languages)
        {
            var count = words.Count(language.Words.Contains);
            if (count > (best?.Count ?? 0))
            {
                best = (language, count);
            }
        }

        return best;
    }
}

namespace SkinBot.Core.Knowledge;

/// <summary>
/// The writing system of a message written mostly in letters other than Latin ("я хочу…", "死にたい"), named for the
/// other-language reply. Word lists cannot tell these apart from English, since none of their words is known; the
/// letters themselves can.
/// </summary>
public static class ForeignScript
{
    /// <summary>At least this many letters of one script, and this share of all the letters, name it.</summary>
    public const int MinimumLetters = 2;

    public const double MinimumShare = 0.5;

    private const string Chinese = "Chinese";

    private const string Japanese = "Japanese";

    private const string Cyrillic = "Cyrillic script";

    private const string ArabicScript = "Arabic script";

    private const string Ukrainian = "Ukrainian";

    private const string Urdu = "Urdu";

    private const string Persian = "Persian";

    private static readonly System.Buffers.SearchValues<char> UkrainianLetters = System.Buffers.SearchValues.Create("іїєґІЇЄҐ");

    private static readonly System.Buffers.SearchValues<char> UrduLetters = System.Buffers.SearchValues.Create("ےٹڈڑں");

    private static readonly System.Buffers.SearchValues<char> PersianLetters = System.Buffers.SearchValues.Create("پچژگیک");

    /// <summary>Unicode blocks and how the reply names what is written in them.</summary>
    private static readonly (char First, char Last, string Name)[] Blocks =
    [
        ('\u0370', '\u03FF', "Greek"),
        ('\u0400', '\u052F', Cyrillic),
        ('\u0530', '\u058F', "Armenian"),
        ('\u0590', '\u05FF', "Hebrew"),
        ('\u0600', '\u06FF', ArabicScript),
        ('\u0750', '\u077F', ArabicScript),
        ('\u0900', '\u097F', "Devanagari script"),
        ('\u0980', '\u09FF', "Bengali script"),
        ('\u0A00', '\u0A7F', "Gurmukhi script"),
        ('\u0A80', '\u0AFF', "Gujarati script"),
        ('\u0B00', '\u0B7F', "Odia script"),
        ('\u0B80', '\u0BFF', "Tamil script"),
        ('\u0C00', '\u0C7F', "Telugu script"),
        ('\u0C80', '\u0CFF', "Kannada script"),
        ('\u0D00', '\u0D7F', "Malayalam script"),
        ('\u0D80', '\u0DFF', "Sinhala script"),
        ('\u0E00', '\u0E7F', "Thai"),
        ('\u0E80', '\u0EFF', "Lao"),
        ('\u1000', '\u109F', "Myanmar script"),
        ('\u10A0', '\u10FF', "Georgian"),
        ('\u1100', '\u11FF', "Korean"),
        ('\u1200', '\u139F', "Ethiopic script"),
        ('\u1780', '\u17FF', "Khmer"),
        ('\u3040', '\u30FF', Japanese),
        ('\u3130', '\u318F', "Korean"),
        ('\u3400', '\u4DBF', Chinese),
        ('\u4E00', '\u9FFF', Chinese),
        ('\uAC00', '\uD7AF', "Korean"),
        ('\uF900', '\uFAFF', Chinese),
    ];

    /// <summary>The name of the script most of <paramref name="text"/>'s letters are in, when it is not Latin; otherwise null.</summary>
    public static string? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Dictionary<string, int>? counts = null;
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            if (c >= '\u0370' && NameOf(c) is { } name)
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }
        }

        if (counts is null)
        {
            return null;
        }

        // Japanese mixes kana with Chinese characters; any kana says the Chinese characters are Japanese ones.
        if (counts.TryGetValue(Japanese, out var kana) && counts.Remove(Chinese, out var kanji))
        {
            counts[Japanese] = kana + kanji;
        }

        var (best, count) = counts.MaxBy(pair => pair.Value);
        return count >= MinimumLetters && count >= MinimumShare * letters ? Narrowed(best, text) : null;
    }

    /// <summary>Every name <see cref="Of"/> can return, so the data can be checked to have a help line for each.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Blocks.Select(b => b.Name).Concat([Ukrainian, Urdu, Persian]).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// A language its script shares but its own letters give away: Ukrainian's і ї є ґ among Cyrillic; Urdu's ے ٹ ڈ ڑ ں,
    /// then Persian's پ چ ژ گ and its ی and ک (which Urdu writes too, and Arabic writes ي and ك), among Arabic script.
    /// </summary>
    private static string Narrowed(string script, string text) => script switch
    {
        Cyrillic when text.AsSpan().IndexOfAny(UkrainianLetters) >= 0 => Ukrainian,
        ArabicScript when text.AsSpan().IndexOfAny(UrduLetters) >= 0 => Urdu,
        ArabicScript when text.AsSpan().IndexOfAny(PersianLetters) >= 0 => Persian,
        _ => script,
    };

    private static string? NameOf(char c)
    {
        foreach (var (first, last, name) in Blocks)
        {
            if (c >= first && c <= last)
            {
                return name;
            }
        }

        return null;
    }
}

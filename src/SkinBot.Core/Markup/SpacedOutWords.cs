using System.Text.RegularExpressions;

namespace SkinBot.Core.Markup;

/// <summary>
/// "n o t h i n g   m a t t e r s": every letter spaced out, with wider gaps between the words, written to be read
/// slowly or to slip past a filter. Each gap-separated run of single characters is one word. Read before markup,
/// which would close the gaps up.
/// </summary>
internal static partial class SpacedOutWords
{
    /// <summary>Fewest spelled-out words before a text counts as written this way: one could be an initialism.</summary>
    private const int MinimumSpelledOutWords = 2;

    /// <summary>The text with its spelled-out words joined up, or the text itself when it is not written that way.</summary>
    public static string Join(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        var runs = WideGap().Split(text.Trim());
        if (runs.Count(IsSpelledOutWord) < MinimumSpelledOutWords)
        {
            return text;
        }

        return string.Join(' ', runs.Select(run => IsSpelledOutWord(run) ? run.Replace(" ", string.Empty, StringComparison.Ordinal) : run));
    }

    /// <summary>Two or more single characters, one space apart: "m y", "w r o t e", "m a t t e r s ."</summary>
    private static bool IsSpelledOutWord(string run) => run.Length >= 3 && run.Split(' ').All(c => c.Length == 1);

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex WideGap();
}

using System.Text.RegularExpressions;

namespace SkinBot.Core.Corpus;

/// <summary>Normalises whitespace and invisible characters that scrapes carry, without touching wording.</summary>
public static partial class TextCleaner
{
    public static string Clean(string text)
    {
        var normalized = text
            .Replace('\u00A0', ' ')
            .Replace("\u200B", string.Empty, StringComparison.Ordinal)
            .Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
        return Whitespace().Replace(normalized, " ").Trim();
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// Lists what Discord's client would read as markup in a text: links (masked and bare), mentions, timestamps,
/// emoji shortcodes, emphasis and line markers. A backslash before any character that is not a letter, digit or
/// space makes that character plain, as in Discord's markdown.
/// </summary>
internal static class DiscordMarkupScanner
{
    private static readonly string[] Openers =
    [
        "](", "http://", "https://", "<@", "<#", "<t:", "<:", "<a:", "</", "@everyone", "@here", "**", "__", "~~", "||",
        "`", "*", "_", "[", ":",
    ];

    public static IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && !char.IsAsciiLetterOrDigit(text[i + 1]) && !char.IsWhiteSpace(text[i + 1]))
            {
                i++;
                lineStart = false;
                continue;
            }

            if (lineStart && LineMarker(text, i) is { } marker)
            {
                tokens.Add("line:" + marker);
            }

            lineStart = c == '\n';
            if (Openers.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0 || (o[0] is 'h' && text.AsSpan(i).StartsWith(o, StringComparison.OrdinalIgnoreCase))) is { } opener)
            {
                tokens.Add(opener);
            }
        }

        return tokens;
    }

    private static string? LineMarker(string text, int i)
    {
        var line = text.AsSpan(i);
        foreach (var marker in new[] { "# ", "## ", "### ", "> ", ">>> ", "-# ", "- ", "* " })
        {
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && line[digits..].StartsWith(". ", StringComparison.Ordinal) ? "1. " : null;
    }
}

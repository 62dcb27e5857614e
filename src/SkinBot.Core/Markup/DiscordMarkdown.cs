using System.Buffers;

namespace SkinBot.Core.Markup;

/// <summary>
/// Discord markdown and tokens reduced to the words a person reads: emphasis, spoiler, code and quote marks
/// go, masked links keep their text, and mentions, custom emoji, timestamps and links go entirely.
/// One pass with bounded look-ahead, so any message costs linear time.
/// </summary>
internal static class DiscordMarkdown
{
    private const int MaxShortcodeLength = 32;
    private const int MaxListNumberDigits = 3;
    private const int MaxHeadingLevel = 3;

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f\v\u00A0");
    private static readonly SearchValues<char> UrlEnd = SearchValues.Create(" \t\r\n\f\v\u00A0<>\"");
    private static readonly SearchValues<char> LinkTargetEnd = SearchValues.Create(" \t\r\n\f\v\u00A0<>\"()[]");
    private static readonly SearchValues<char> AngleLinkTargetEnd = SearchValues.Create(" \t\r\n\f\v\u00A0>[]");
    private static readonly SearchValues<char> ShortcodeCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-~");
    private static readonly SearchValues<char> CommandCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_- ");
    private static readonly SearchValues<char> NavigationCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz-");

    public static string ToText(string text)
    {
        var writer = new PlainTextWriter(text.Length);
        var angles = new AngleBrackets(text);
        var linkTextEnd = -1;
        var linkEnd = -1;
        var lineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            if (linkTextEnd >= 0 && i >= linkTextEnd)
            {
                // A token inside the link text may have run past its ']'; then the rest is left as it comes.
                i = i == linkTextEnd ? linkEnd : i;
                linkTextEnd = -1;
                writer.Separate();
                continue;
            }

            if (lineStart)
            {
                lineStart = false;
                i = SkipLineMarkers(text, i);
                continue;
            }

            var c = text[i];
            switch (c)
            {
                case '\n':
                    writer.LineBreak();
                    lineStart = true;
                    i++;
                    continue;
                case '<' when angles.TokenEnd(i) is var end and >= 0 && ReadToken(text.AsSpan(i + 1, end - i - 1), writer):
                    i = end + 1;
                    continue;
                case '<' when i + 1 < text.Length && text[i + 1] is '@' or '#':
                    // A broken mention ("<@12 3>") is still not words.
                    writer.Separate();
                    i++;
                    continue;
                case '*' or '`':
                    writer.Separate();
                    i++;
                    continue;
                case '_' when IsWordEdge(text, i):
                    writer.Separate();
                    i++;
                    continue;
                case '~' or '|' when i + 1 < text.Length && text[i + 1] == c:
                    writer.Separate();
                    i = RunEnd(text, i);
                    continue;
                case '\\' when i + 1 < text.Length && IsMarkdownCharacter(text[i + 1]):
                    // Separated, or "<t:1\>" would close up into a timestamp once the backslash is gone.
                    writer.Separate();
                    i++;
                    continue;
                case '[' when TryMaskedLink(text, i, out var textEnd, out var end):
                    writer.Separate();
                    linkTextEnd = textEnd;
                    linkEnd = end;
                    i++;
                    continue;
                case ':' when TryShortcode(text, i, out var end):
                    writer.Separate();
                    i = end;
                    continue;
                case '@' when StartsWith(text, i, "@everyone") || StartsWith(text, i, "@here"):
                    writer.Separate();
                    i += text[i + 1] is 'e' or 'E' ? "@everyone".Length : "@here".Length;
                    continue;
                case 'h' or 'H' or 'w' or 'W' when UrlLength(text, i) is var length and > 0:
                    writer.Separate();
                    i += length;
                    continue;
                default:
                    writer.Append(c);
                    i++;
                    continue;
            }
        }

        return writer.ToString();
    }

    /// <summary>Block quotes, headings, subtext and list bullets at the start of a line (after indentation).</summary>
    private static int SkipLineMarkers(string text, int i)
    {
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            var marker = MarkerLength(text.AsSpan(i));
            if (marker == 0)
            {
                return i;
            }

            i += marker;
        }
    }

    private static int MarkerLength(ReadOnlySpan<char> line)
    {
        if (line.StartsWith(">>> ") || line.StartsWith("-# "))
        {
            return 3;
        }

        if (line.StartsWith("> ") || line.StartsWith("- ") || line.StartsWith("* "))
        {
            return 2;
        }

        var hashes = 0;
        while (hashes < line.Length && hashes < MaxHeadingLevel && line[hashes] == '#')
        {
            hashes++;
        }

        if (hashes > 0 && hashes < line.Length && line[hashes] == ' ')
        {
            return hashes + 1;
        }

        var digits = 0;
        while (digits < line.Length && digits < MaxListNumberDigits && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && line[digits..].StartsWith(". ") ? digits + 2 : 0;
    }

    /// <summary>
    /// Mentions (&lt;@id&gt;, &lt;@!id&gt;, &lt;@&amp;id&gt;, &lt;#id&gt;), custom emoji, timestamps, guild
    /// navigation and &lt;url&gt; are removed; a slash-command mention keeps the command's name.
    /// </summary>
    private static bool ReadToken(ReadOnlySpan<char> content, PlainTextWriter writer)
    {
        if (IsMention(content) || IsCustomEmoji(content) || IsTimestamp(content) || IsNavigation(content) || IsUrl(content))
        {
            writer.Separate();
            return true;
        }

        if (content.StartsWith("/") && content.LastIndexOf(':') is var colon and > 1
            && IsDigits(content[(colon + 1)..]) && IsCommandName(content[1..colon]))
        {
            writer.Separate();
            writer.Append(content[1..colon]);
            writer.Separate();
            return true;
        }

        return false;
    }

    private static bool IsMention(ReadOnlySpan<char> content) =>
        content.StartsWith("@!") || content.StartsWith("@&") ? IsDigits(content[2..])
        : content.StartsWith("@") || content.StartsWith("#") ? IsDigits(content[1..])
        : false;

    private static bool IsCustomEmoji(ReadOnlySpan<char> content)
    {
        var rest = content.StartsWith("a:") ? content[2..] : content.StartsWith(":") ? content[1..] : [];
        var colon = rest.IndexOf(':');
        return colon > 0 && IsShortcodeName(rest[..colon]) && IsDigits(rest[(colon + 1)..]);
    }

    private static bool IsTimestamp(ReadOnlySpan<char> content)
    {
        if (!content.StartsWith("t:"))
        {
            return false;
        }

        var rest = content[2..];
        if (rest.StartsWith("-"))
        {
            rest = rest[1..];
        }

        var colon = rest.IndexOf(':');
        return colon < 0 ? IsDigits(rest) : IsDigits(rest[..colon]) && rest.Length == colon + 2 && char.IsAsciiLetter(rest[^1]);
    }

    private static bool IsNavigation(ReadOnlySpan<char> content) =>
        content.StartsWith("id:") && content.Length > 3 && !content[3..].ContainsAnyExcept(NavigationCharacters);

    private static bool IsUrl(ReadOnlySpan<char> content) =>
        (content.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || content.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && !content.ContainsAny(Whitespace);

    private static bool IsCommandName(ReadOnlySpan<char> name) =>
        name.Length > 0 && !name.ContainsAnyExcept(CommandCharacters);

    private static bool IsShortcodeName(ReadOnlySpan<char> name) =>
        name.Length > 0 && !name.ContainsAnyExcept(ShortcodeCharacters);

    private static bool IsDigits(ReadOnlySpan<char> span) => span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');

    /// <summary>'_' marks emphasis only at a word's edge; inside "snake_case" it is a character.</summary>
    private static bool IsWordEdge(string text, int i) =>
        i == 0 || i + 1 >= text.Length || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]);

    private static bool IsMarkdownCharacter(char c) => c is '*' or '_' or '~' or '|' or '`' or '>' or '#' or '-' or '[' or ']' or '<' or ':' or '@';

    private static int RunEnd(string text, int i)
    {
        var c = text[i];
        while (i < text.Length && text[i] == c)
        {
            i++;
        }

        return i;
    }

    /// <summary>[text](http…) or [text](&lt;http…&gt;) on one line; the text stops at the first bracket.</summary>
    private static bool TryMaskedLink(string text, int open, out int textEnd, out int end)
    {
        textEnd = end = -1;
        var close = text.AsSpan(open + 1).IndexOfAny("[]\n");
        if (close < 0 || text[open + 1 + close] != ']')
        {
            return false;
        }

        textEnd = open + 1 + close;
        var target = textEnd + 1;
        if (target >= text.Length || text[target] != '(')
        {
            return false;
        }

        var url = text.AsSpan(target + 1);
        int length;
        ReadOnlySpan<char> inner;
        if (url.StartsWith("<"))
        {
            var angle = url.IndexOfAny(AngleLinkTargetEnd);
            if (angle < 0 || url[angle] != '>' || angle + 1 >= url.Length || url[angle + 1] != ')')
            {
                return false;
            }

            inner = url[1..angle];
            length = angle + 1;
        }
        else
        {
            length = url.IndexOfAny(LinkTargetEnd);
            if (length < 0 || url[length] != ')')
            {
                return false;
            }

            inner = url[..length];
        }

        if (!IsUrl(inner))
        {
            return false;
        }

        end = target + 1 + length + 1;
        return true;
    }

    /// <summary>:name: (":pensive:", ":+1:") after a non-word character; "10:30:45" and "re:scars:" are left alone.</summary>
    private static bool TryShortcode(string text, int open, out int end)
    {
        end = -1;
        if (open > 0 && char.IsLetterOrDigit(text[open - 1]))
        {
            return false;
        }

        var limit = Math.Min(text.Length, open + 2 + MaxShortcodeLength);
        var hasName = false;
        for (var j = open + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == ':')
            {
                if (!hasName)
                {
                    return false;
                }

                end = j + 1;
                return true;
            }

            if (!ShortcodeCharacters.Contains(c))
            {
                return false;
            }

            hasName |= !char.IsAsciiDigit(c);
        }

        return false;
    }

    /// <summary>The length of a bare link starting at i (http://, https:// or www.), without trailing punctuation.</summary>
    private static int UrlLength(string text, int i)
    {
        var isWeb = StartsWith(text, i, "www.") && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            && i + 4 < text.Length && char.IsLetterOrDigit(text[i + 4]);
        if (!isWeb && !StartsWith(text, i, "http://") && !StartsWith(text, i, "https://"))
        {
            return 0;
        }

        var rest = text.AsSpan(i);
        var length = rest.IndexOfAny(UrlEnd);
        var url = length < 0 ? rest : rest[..length];
        var keepParenthesis = url.Contains('(');
        while (url.Length > 0 && (url[^1] is '.' or ',' or '!' or '?' or ';' or ':' or '\'' or '"' || (url[^1] == ')' && !keepParenthesis)))
        {
            url = url[..^1];
        }

        return url.Length;
    }

    private static bool StartsWith(string text, int i, string value) =>
        text.AsSpan(i).StartsWith(value, StringComparison.OrdinalIgnoreCase);
}

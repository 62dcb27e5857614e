using System.Net;

namespace SkinBot.Core.Markup;

/// <summary>
/// Teams (and any HTML) markup reduced to text: known tags removed, block tags become line breaks, entities
/// decoded, and <c>&lt;at&gt;Name&lt;/at&gt;</c> mentions removed with the name, since a name is not part of the question.
/// </summary>
internal static class HtmlMarkup
{
    private const int MaxEntityLength = 32;

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "blockquote", "br", "codeblock", "div", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre",
        "table", "tbody", "td", "th", "thead", "tr", "ul",
    };

    // Only tags Teams and mail clients actually send: "<scars>" typed by a person is text, not a tag.
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "at", "attachment", "b", "big", "cite", "code", "customemoji", "del", "em", "emoji", "font",
        "i", "img", "ins", "mark", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "systemspan", "u",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Block = BlockTags.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Inline = InlineTags.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToText(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return text;
        }

        var writer = new PlainTextWriter(text.Length);
        var angles = new AngleBrackets(text);
        var mentionClose = new NextOccurrence(text, "</at>");
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<' && angles.TokenEnd(i) is var end and >= 0 && TagKind(text.AsSpan(i + 1, end - i - 1)) is var kind and not Kind.None)
            {
                writer.Separate();
                i = end + 1;
                if (kind == Kind.Block)
                {
                    writer.LineBreak();
                }
                else if (kind == Kind.Mention && mentionClose.From(i) is var close and >= 0)
                {
                    var closeEnd = text.IndexOf('>', close);
                    i = closeEnd < 0 ? text.Length : closeEnd + 1;
                }

                continue;
            }

            if (c == '&' && TryDecodeEntity(text, i, writer, out var next))
            {
                i = next;
                continue;
            }

            writer.Append(c);
            i++;
        }

        return writer.ToString();
    }

    private enum Kind
    {
        None,
        Inline,
        Block,
        Mention,
    }

    private static Kind TagKind(ReadOnlySpan<char> content)
    {
        if (content.StartsWith("!"))
        {
            return Kind.Inline;
        }

        var closing = content.StartsWith("/");
        var name = closing ? content[1..] : content;
        var length = 0;
        while (length < name.Length && char.IsAsciiLetterOrDigit(name[length]))
        {
            length++;
        }

        if (length < name.Length && !char.IsWhiteSpace(name[length]) && name[length] != '/')
        {
            return Kind.None;
        }

        var tag = name[..length];
        if (Block.Contains(tag))
        {
            return Kind.Block;
        }

        if (!Inline.Contains(tag))
        {
            return Kind.None;
        }

        return !closing && tag.Equals("at", StringComparison.OrdinalIgnoreCase) ? Kind.Mention : Kind.Inline;
    }

    /// <summary>Named and numeric entities up to a short bound, so a stray '&amp;' costs constant work.</summary>
    private static bool TryDecodeEntity(string text, int start, PlainTextWriter writer, out int next)
    {
        next = start;
        var limit = Math.Min(text.Length, start + MaxEntityLength);
        var semicolon = -1;
        for (var j = start + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == ';')
            {
                semicolon = j;
                break;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '#')
            {
                return false;
            }
        }

        if (semicolon <= start + 1)
        {
            return false;
        }

        var entity = text[start..(semicolon + 1)];
        var decoded = WebUtility.HtmlDecode(entity);
        if (decoded == entity)
        {
            return false;
        }

        foreach (var c in decoded)
        {
            writer.Append(c == '\u00A0' ? ' ' : c);
        }

        next = semicolon + 1;
        return true;
    }
}

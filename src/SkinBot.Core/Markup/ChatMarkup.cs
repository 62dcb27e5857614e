using System.Text;

namespace SkinBot.Core.Markup;

/// <summary>
/// Chat markup reduced to the words a person reads, so analysis sees "what are rolling scars" whether it came
/// as Discord markdown ("**what** are _rolling_ scars"), Teams HTML or plain text. Mentions, emoji, timestamps
/// and links carry no question and are removed; removed markup never glues two words together.
/// Linear in the input and total: any string in, plain text out.
/// </summary>
public static class ChatMarkup
{
    public static string ToPlainText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // HTML first: a decoded entity ("&lt;@123&gt;") is then read as the Discord token it spells.
        return Tidy(DiscordMarkdown.ToText(HtmlMarkup.ToText(text)));
    }

    /// <summary>One space between words, no blank lines, nothing at either end; line breaks still end sentences.</summary>
    private static string Tidy(string text)
    {
        var output = new StringBuilder(text.Length);
        var space = false;
        var lineBreak = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lineBreak = output.Length > 0;
                space = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = output.Length > 0 && !lineBreak;
            }
            else
            {
                if (lineBreak)
                {
                    output.Append('\n');
                }
                else if (space)
                {
                    output.Append(' ');
                }

                lineBreak = space = false;
                output.Append(c);
            }
        }

        return output.ToString();
    }
}

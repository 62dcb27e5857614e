using System.Text;

namespace SkinBot.Discord.Rendering;

/// <summary>
/// Writes text the person typed so that Discord shows it as typed and reads nothing in it: every ASCII punctuation
/// mark gets a backslash, which Discord's markdown turns back into the mark itself. That covers emphasis, code,
/// spoilers, quotes, headings, lists, masked links (<c>[text](url)</c>), bare links (the <c>:</c> of
/// <c>https://</c>), mentions (<c>@everyone</c>, <c>&lt;@id&gt;</c>, <c>&lt;#id&gt;</c>, <c>&lt;@&amp;id&gt;</c>), emoji
/// shortcodes and timestamps; line breaks become spaces, as an echo is always inline.
/// </summary>
internal static class UserTextEscaper
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + (text.Length / 2));
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                escaped.Append(' ');
            }
            else if (char.IsAscii(c) && !char.IsAsciiLetterOrDigit(c) && c != ' ')
            {
                escaped.Append('\\').Append(c);
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}

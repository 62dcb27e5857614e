using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SkinBot.Core.Answers;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// SkinBot's words when they quote back what the person typed. A TextBlock reads its text as markdown, and Teams
/// clients disagree on backslash escapes, so such words go into a RichTextBlock: its TextRuns are never read as
/// markdown. Teams still expands <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> in a run, so user text gets a zero-width
/// space between braces; <c>&lt;at&gt;</c> tags go as everywhere else.
/// </summary>
internal static partial class UserTextBlock
{
    public static JsonObject Render(AnswerText text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray([.. text.Runs.Select(run => (JsonNode)new JsonObject
        {
            ["type"] = "TextRun",
            ["text"] = run.IsUserText ? PlainRun(run.Text) : MentionSanitizer.Clean(run.Text),
        })]),
    };

    /// <summary>User text in a TextRun: no mention tags (not even half of one, as a cut echo may end), no date/time functions.</summary>
    public static string PlainRun(string text) =>
        OpenAtTag().Replace(
            DoubledBrace().Replace(MentionSanitizer.Clean(text), "\u200B"),
            "<\u200B");

    [GeneratedRegex(@"(?<=\{)(?=\{)|(?<=\})(?=\})", RegexOptions.CultureInvariant)]
    private static partial Regex DoubledBrace();

    // No word boundary after "at": a cut echo can end "<at2" or "<atx" and still read as the start of a tag to a client.
    [GeneratedRegex(@"<(?=\s*/?\s*at)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenAtTag();

    /// <summary>User text where Teams reads markdown (the card's fallback text): ASCII punctuation backslash-escaped.</summary>
    public static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length + (text.Length / 2));
        foreach (var c in PlainRun(text))
        {
            if (char.IsControl(c))
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

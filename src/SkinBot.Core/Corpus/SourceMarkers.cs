using System.Text.RegularExpressions;

namespace SkinBot.Core.Corpus;

/// <summary>
/// The <c>[^source-id]</c> markers that end a summary's paragraph or bullet and say which of the article's
/// <c>sources:</c> support it. They are citations, not text: answers show the sources, never the markers.
/// </summary>
public static partial class SourceMarkers
{
    /// <summary>"Fact. [^a] [^b]" → ("Fact.", ["a", "b"]); markers anywhere in the text are removed and recorded in order.</summary>
    public static (string Text, IReadOnlyList<string> SourceIds) Strip(string text)
    {
        if (!text.Contains("[^", StringComparison.Ordinal))
        {
            return (text, []);
        }

        var ids = new List<string>();
        var stripped = Marker().Replace(text, match =>
        {
            var id = match.Groups["id"].Value;
            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }

            return string.Empty;
        });
        return (WhiteSpaceRun().Replace(stripped, " ").Trim(), ids);
    }

    [GeneratedRegex(@"\s*\[\^(?<id>[A-Za-z0-9_.-]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();
}

using System.Text.RegularExpressions;

namespace SkinBot.Testing.Hostile;

/// <summary>
/// Finds what a user planted (see <see cref="Planted"/>) that would be live in a reply: a mention, a timestamp or
/// command tag, a link to the planted host, styled emphasis, a heading or quote, or HTML. Text inside code spans and
/// anything escaped with a backslash is inert and not reported. An empty list means the reply is safe to render.
/// </summary>
public static partial class MarkupLeaks
{
    /// <summary>
    /// Leaks in Discord markdown (message content, embed text): mentions, tags, links, emphasis and line markup.
    /// Discord shows HTML as text, so a planted tag is inert there.
    /// </summary>
    public static IReadOnlyList<string> InMarkdown(string? rendered)
    {
        if (string.IsNullOrEmpty(rendered))
        {
            return [];
        }

        var text = CodeSpan().Replace(rendered, " ");
        var leaks = new List<string>();
        Collect(leaks, "mass mention", MassMention(), text);
        Collect(leaks, "mention", Mention(), text);
        Collect(leaks, "tag", Tag(), text);
        CollectMarkdown(leaks, text);
        return leaks;
    }

    /// <summary>Leaks in Teams markdown (card text blocks, message text): links, emphasis, line markup and HTML.</summary>
    public static IReadOnlyList<string> InTeamsMarkdown(string? rendered)
    {
        if (string.IsNullOrEmpty(rendered))
        {
            return [];
        }

        var text = CodeSpan().Replace(rendered, " ");
        var leaks = new List<string>();
        CollectMarkdown(leaks, text);
        leaks.AddRange(InHtml(rendered));
        return leaks;
    }

    /// <summary>
    /// Leaks in markdown a client might also read HTML in (Teams text): a tag opener a backslash does not escape
    /// (CommonMark makes <c>\&lt;</c> a literal character), or an event-handler attribute.
    /// </summary>
    public static IReadOnlyList<string> InHtml(string? rendered)
    {
        var leaks = new List<string>();
        if (!string.IsNullOrEmpty(rendered))
        {
            Collect(leaks, "html", Html(), rendered);
        }

        return leaks;
    }

    private static void CollectMarkdown(List<string> leaks, string text)
    {
        Collect(leaks, "link", Link(), text);
        Collect(leaks, "emphasis", Emphasis(), text);
        Collect(leaks, "line markup", LineMarkup(), text);
    }

    private static void Collect(List<string> leaks, string kind, Regex pattern, string text)
    {
        foreach (Match match in pattern.Matches(text))
        {
            leaks.Add($"{kind}: {match.Value}");
        }
    }

    [GeneratedRegex(@"```.*?```|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<!\\)@(everyone|here)\b")]
    private static partial Regex MassMention();

    [GeneratedRegex(@"(?<!\\)<(@[!&]?|#)\d+>")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(?<!\\)<(t:-?\d+(:[tTdDfFR])?|/[\w-]+:\d+|a?:\w+:\d+)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"https?://[^\s)>\]]*evil\.example|\]\([^)]*evil\.example")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\\)(\*\*|__|~~|\|\|)PWNED(\*\*|__|~~|\|\|)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^[ \t]*(#{1,3}|-#|>{1,3})[ \t]+PWNED", RegexOptions.Multiline)]
    private static partial Regex LineMarkup();

    [GeneratedRegex(@"(?<!\\)<\s*(script|img|at|iframe|svg)\b|\bon(error|load)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Html();
}

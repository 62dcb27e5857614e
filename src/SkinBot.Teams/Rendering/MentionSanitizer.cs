using System.Text.RegularExpressions;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// Keeps outbound text from mentioning anyone: Teams turns &lt;at&gt;Name&lt;/at&gt; into a mention when an entity
/// matches it, and SkinBot never sends mention entities nor the tags that could pair with one.
/// </summary>
internal static partial class MentionSanitizer
{
    public static string Clean(string text) => string.IsNullOrEmpty(text) ? text : AtTags().Replace(text, string.Empty);

    [GeneratedRegex(@"<\s*/?\s*at\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTags();
}

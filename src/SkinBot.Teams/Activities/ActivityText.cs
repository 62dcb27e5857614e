using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SkinBot.Teams.Activities;

/// <summary>
/// Turns what Teams delivers ("&lt;p&gt;&lt;at&gt;SkinBot&lt;/at&gt;&amp;nbsp;what are boxcar scars?&lt;/p&gt;")
/// into the question the person typed ("what are boxcar scars?").
/// </summary>
internal static partial class ActivityText
{
    /// <summary>
    /// Removes the bot's own mentions, found through the mention entities whose mentioned.id is the
    /// activity's recipient (display names can be renamed and collide), then the remaining HTML.
    /// Mentions of other people keep their names as plain words.
    /// </summary>
    public static string CleanMessageText(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (!string.IsNullOrEmpty(botId) && activity.Entities is { Count: > 0 } entities)
        {
            foreach (var entity in entities)
            {
                if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase)
                    && !string.IsNullOrEmpty(entity.Text))
                {
                    text = RemoveMention(text, entity.Text);
                }
            }
        }

        return StripHtml(text).TrimStart(',', ':', ';', '-', ' ').Trim();
    }

    /// <summary>Strips tags, decodes entities (&amp;nbsp; included) and collapses whitespace.</summary>
    public static string StripHtml(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutTags = Tags().Replace(BlockBreaks().Replace(text, " "), string.Empty);
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ').Replace('\u200B', ' ');
        return Whitespace().Replace(decoded, " ").Trim();
    }

    /// <summary>
    /// Reads {"question": "..."} from card data (an Action.Submit message's value, an Action.Execute's data);
    /// tolerant of the data arriving as a JSON string.
    /// </summary>
    public static string? ReadQuestion(JsonElement? data)
    {
        if (data is not { } element)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(element.GetString() ?? string.Empty);
                return ReadQuestion(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("question", out var question)
            && question.ValueKind == JsonValueKind.String)
        {
            var cleaned = StripHtml(question.GetString() ?? string.Empty);
            return cleaned.Length == 0 ? null : cleaned;
        }

        return null;
    }

    private static string RemoveMention(string text, string mentionText)
    {
        if (text.Contains(mentionText, StringComparison.Ordinal))
        {
            return text.Replace(mentionText, " ", StringComparison.Ordinal);
        }

        // The entity and the text sometimes disagree on entity-encoding of the name.
        var decoded = WebUtility.HtmlDecode(mentionText);
        return text.Contains(decoded, StringComparison.Ordinal) ? text.Replace(decoded, " ", StringComparison.Ordinal) : text;
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|li|p|div)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockBreaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

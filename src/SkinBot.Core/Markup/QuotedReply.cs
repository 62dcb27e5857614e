namespace SkinBot.Core.Markup;

/// <summary>
/// A Discord reply that quotes someone first ("&gt; how much was ur laser" then "idk. my question is what are boxcar
/// scars"): the quoted lines are another person's words, so what the message asks is in the others. The safety screen
/// still reads the quote too, since someone may quote a friend who is in danger.
/// </summary>
public static class QuotedReply
{
    /// <summary>
    /// The message without its block-quoted lines ("&gt; " to the end of a line, "&gt;&gt;&gt; " to the end of the
    /// message), or the message itself when it quotes nothing or holds nothing but the quote.
    /// </summary>
    public static string OwnWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('>', StringComparison.Ordinal))
        {
            return text;
        }

        var own = new List<string>();
        var quoted = false;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart(' ', '\t');
            if (trimmed.StartsWith(">>> ", StringComparison.Ordinal))
            {
                // Everything from here to the end of the message is quoted.
                quoted = true;
                break;
            }

            if (trimmed.StartsWith("> ", StringComparison.Ordinal) || trimmed == ">")
            {
                quoted = true;
                continue;
            }

            own.Add(line);
        }

        return quoted && own.Any(l => !string.IsNullOrWhiteSpace(l)) ? string.Join('\n', own) : text;
    }
}

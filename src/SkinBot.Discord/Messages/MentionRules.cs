using System.Text.RegularExpressions;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Decides whether a channel message is for SkinBot (mention, legacy mention, managed-role mention, reply to the
/// bot, a configured channel, or any DM) and removes SkinBot's own mentions from the question.
/// </summary>
internal static partial class MentionRules
{
    private const int DefaultMessageType = 0;
    private const int ReplyMessageType = 19;

    public static bool ShouldAnswer(MessageCreate message, Snowflake botId, BotIdentity identity, IReadOnlySet<Snowflake> channels)
    {
        var author = message.Author;
        if (author is null || author.Bot == true || message.WebhookId is not null || author.Id == botId
            || message.Type is not (DefaultMessageType or ReplyMessageType))
        {
            return false;
        }

        return message.GuildId is null
            || message.Mentions?.Any(user => user.Id == botId) == true
            || MentionsInText(message.Content, botId)
            || message.MentionRoles?.Any(identity.IsManagedRole) == true
            || message.ReferencedMessage?.Author?.Id == botId
            || channels.Contains(message.ChannelId);
    }

    /// <summary>The question without SkinBot's mentions (&lt;@id&gt;, &lt;@!id&gt;, its role) and the punctuation left behind them.</summary>
    public static string StripOwnMentions(string? content, Snowflake botId, IEnumerable<Snowflake> managedRoles)
    {
        var text = (content ?? string.Empty)
            .Replace($"<@{botId}>", " ", StringComparison.Ordinal)
            .Replace($"<@!{botId}>", " ", StringComparison.Ordinal);
        foreach (var role in managedRoles)
        {
            text = text.Replace($"<@&{role}>", " ", StringComparison.Ordinal);
        }

        text = Whitespace().Replace(text, " ").Trim();
        return text.TrimStart(',', ':', ';', ' ').Trim();
    }

    /// <summary>The legacy nickname form &lt;@!id&gt; may come without a matching entry in mentions[].</summary>
    private static bool MentionsInText(string? content, Snowflake botId) =>
        content is not null
        && (content.Contains($"<@{botId}>", StringComparison.Ordinal) || content.Contains($"<@!{botId}>", StringComparison.Ordinal));

    [GeneratedRegex(@"[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

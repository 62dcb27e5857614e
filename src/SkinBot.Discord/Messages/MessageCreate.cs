using SkinBot.Discord.Interactions;

namespace SkinBot.Discord.Messages;

/// <summary>The fields of a MESSAGE_CREATE SkinBot reads.</summary>
internal sealed record MessageCreate
{
    public required Snowflake Id { get; init; }

    public required Snowflake ChannelId { get; init; }

    /// <summary>Absent in DMs.</summary>
    public Snowflake? GuildId { get; init; }

    public DiscordUser? Author { get; init; }

    public string? Content { get; init; }

    /// <summary>0 default, 19 reply; system messages have other types.</summary>
    public int Type { get; init; }

    public Snowflake? WebhookId { get; init; }

    public IReadOnlyList<DiscordUser>? Mentions { get; init; }

    public IReadOnlyList<Snowflake>? MentionRoles { get; init; }

    public ReferencedMessage? ReferencedMessage { get; init; }
}

internal sealed record ReferencedMessage
{
    public required Snowflake Id { get; init; }

    public DiscordUser? Author { get; init; }
}

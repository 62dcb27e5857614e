namespace SkinBot.Discord.Rendering;

/// <summary>An embed object, serialized as Discord's embed JSON.</summary>
internal sealed record Embed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }

    public int? Color { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }

    public EmbedFooter? Footer { get; init; }
}

internal sealed record EmbedField(string Name, string Value, bool Inline = false);

internal sealed record EmbedFooter(string Text);

/// <summary>Component type 1: a row of up to five buttons.</summary>
internal sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

/// <summary>Component type 2. Style 1 primary, 2 secondary.</summary>
internal sealed record Button(string Label, string CustomId, int Style = 2)
{
    public int Type => 2;
}

internal sealed record MessageReference(Snowflake MessageId, Snowflake? ChannelId, Snowflake? GuildId)
{
    /// <summary>Still reply when the question was deleted meanwhile, rather than fail with 50035.</summary>
    public bool FailIfNotExists => false;
}

/// <summary>
/// What a call site wants to send. It has no allowed_mentions on purpose: <see cref="Rest.MessageBody"/> adds
/// the safe default when it is turned into JSON, so no call site can forget it.
/// </summary>
internal sealed record OutgoingMessage
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    public IReadOnlyList<ActionRow> Components { get; init; } = [];

    public bool Ephemeral { get; init; }

    public MessageReference? ReplyTo { get; init; }

    /// <summary>Makes a retried create-message idempotent (≤25 chars, used with enforce_nonce).</summary>
    public string? Nonce { get; init; }

    public static OutgoingMessage Text(string content, bool ephemeral = false) => new() { Content = content, Ephemeral = ephemeral };
}

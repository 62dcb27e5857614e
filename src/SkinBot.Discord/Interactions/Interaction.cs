using System.Text.Json;

namespace SkinBot.Discord.Interactions;

/// <summary>The fields of an interaction SkinBot reads; everything else in the payload is ignored.</summary>
internal sealed record Interaction
{
    public required Snowflake Id { get; init; }

    public required Snowflake ApplicationId { get; init; }

    public required int Type { get; init; }

    public string? Token { get; init; }

    public Snowflake? GuildId { get; init; }

    public Snowflake? ChannelId { get; init; }

    public PartialChannel? Channel { get; init; }

    /// <summary>Present in guilds; the user is at member.user.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Present in DMs.</summary>
    public DiscordUser? User { get; init; }

    public InteractionData? Data { get; init; }

    /// <summary>For components: the message that carries the pressed button.</summary>
    public InteractionMessage? Message { get; init; }

    public DiscordUser? Invoker => Member?.User ?? User;

    public Snowflake? EffectiveChannelId => ChannelId ?? Channel?.Id;
}

internal sealed record InteractionData
{
    public string? Name { get; init; }

    public int? Type { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    /// <summary>For a modal submit: what the person filled in, nested as the modal was laid out.</summary>
    public IReadOnlyList<SubmittedComponent>? Components { get; init; }
}

/// <summary>One component of a submitted modal: an input with its custom_id and value(s), or a label/row holding others.</summary>
internal sealed record SubmittedComponent
{
    public int Type { get; init; }

    public string? CustomId { get; init; }

    /// <summary>A text input's text.</summary>
    public string? Value { get; init; }

    /// <summary>A select's picked values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>A label's one input.</summary>
    public SubmittedComponent? Component { get; init; }

    /// <summary>An action row's inputs.</summary>
    public IReadOnlyList<SubmittedComponent>? Components { get; init; }
}

internal sealed record InteractionOption
{
    public required string Name { get; init; }

    public int Type { get; init; }

    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }

    public bool? Focused { get; init; }

    /// <summary>The value as text; autocomplete values are partial and unvalidated, so this never throws.</summary>
    public string? StringValue => Value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };
}

internal sealed record InteractionMessage
{
    public required Snowflake Id { get; init; }

    public int? Flags { get; init; }
}

internal sealed record PartialChannel
{
    public required Snowflake Id { get; init; }

    public int? Type { get; init; }
}

internal sealed record GuildMember
{
    public DiscordUser? User { get; init; }
}

internal sealed record DiscordUser
{
    public required Snowflake Id { get; init; }

    public string? Username { get; init; }

    public bool? Bot { get; init; }
}

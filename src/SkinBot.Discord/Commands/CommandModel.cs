namespace SkinBot.Discord.Commands;

/// <summary>A CHAT_INPUT application command as sent to <c>PUT /applications/{id}/commands</c>.</summary>
internal sealed record ApplicationCommand(string Name, string Description, IReadOnlyList<CommandOption> Options)
{
    public int Type => 1;

    /// <summary>Guild channels and the bot's DMs. Group DMs (2) apply only to user-installed apps, which SkinBot is not.</summary>
    public IReadOnlyList<int> Contexts { get; init; } = [0, 1];

    /// <summary>Installed to guilds (the bot must be there to read channel messages anyway).</summary>
    public IReadOnlyList<int> IntegrationTypes { get; init; } = [0];
}

internal sealed record CommandOption(int Type, string Name, string Description)
{
    public bool? Required { get; init; }

    public IReadOnlyList<CommandChoice>? Choices { get; init; }

    public bool? Autocomplete { get; init; }

    public IReadOnlyList<CommandOption>? Options { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }
}

internal sealed record CommandChoice(string Name, string Value);

internal static class CommandOptionType
{
    public const int SubCommand = 1;
    public const int SubCommandGroup = 2;
    public const int String = 3;
    public const int Boolean = 5;
}

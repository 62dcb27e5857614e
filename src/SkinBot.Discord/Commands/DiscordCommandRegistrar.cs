using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Commands;

/// <summary>
/// Registers <see cref="SlashCommands.All"/> with a bulk overwrite (PUT), globally or for one guild. PUT replaces
/// the whole set, so running it twice changes nothing and counts no new creates against the daily cap.
/// </summary>
public sealed partial class DiscordCommandRegistrar
{
    private readonly DiscordRestClient _rest;
    private readonly IOptions<DiscordOptions> _options;
    private readonly ILogger<DiscordCommandRegistrar> _logger;

    internal DiscordCommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<DiscordCommandRegistrar> logger)
    {
        _rest = rest;
        _options = options;
        _logger = logger;
    }

    /// <returns>How many commands Discord now has in that scope.</returns>
    /// <exception cref="InvalidOperationException">The definitions break Discord's limits, or the token or application id is missing.</exception>
    public async Task<int> RegisterAsync(string? guildId, CancellationToken cancellationToken)
    {
        var errors = CommandDefinitionValidator.Validate(SlashCommands.All);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The slash-command definitions break Discord's limits:\n" + string.Join("\n", errors));
        }

        var settings = _options.Value;
        if (!settings.HasBotToken)
        {
            throw new InvalidOperationException("Discord:BotToken is not set.");
        }

        if (!Snowflake.TryParse(settings.ApplicationId?.Trim(), out var applicationId))
        {
            throw new InvalidOperationException("Discord:ApplicationId is not set (or is not a numeric id).");
        }

        Snowflake? guild = null;
        if (guildId is not null)
        {
            guild = Snowflake.TryParse(guildId.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException("The guild id must be a numeric id.");
        }

        var count = await _rest.BulkOverwriteCommandsAsync(applicationId, guild, SlashCommands.All, cancellationToken);
        LogRegistered(count, guild?.ToString() ?? "global");
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);
}

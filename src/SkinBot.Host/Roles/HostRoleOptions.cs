using Microsoft.Extensions.Options;
using SkinBot.Discord;

namespace SkinBot.Host.Roles;

/// <summary>
/// Section <c>Host</c>. Read while the host is built, not later: the role decides which services are registered and
/// which endpoints are mapped, so a wrong value must stop the start before any of that happens.
/// </summary>
public sealed class HostRoleOptions
{
    public const string SectionName = "Host";

    public HostRole Role { get; init; } = HostRole.All;

    /// <summary>Web chat, Discord interactions and Teams are mapped.</summary>
    public bool ServesHttpDoors => Role is HostRole.All or HostRole.Web;

    /// <summary>The Discord gateway session runs (when a bot token is set).</summary>
    public bool RunsGateway => Role is HostRole.All or HostRole.Gateway;

    /// <summary>The role in <paramref name="configuration"/>; throws <see cref="OptionsValidationException"/> naming the key when it is wrong.</summary>
    public static HostRoleOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var raw = configuration[$"{SectionName}:{nameof(Role)}"]?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return new HostRoleOptions();
        }

        // Enum.TryParse also accepts numbers ("7"); only the names are a documented setting.
        if (!Enum.TryParse<HostRole>(raw, ignoreCase: true, out var role) || !Enum.IsDefined(role) || raw.Any(char.IsAsciiDigit))
        {
            throw Invalid("Host:Role must be all, web or gateway.");
        }

        // A gateway pod with nothing to connect would report ready while doing nothing at all.
        if (role == HostRole.Gateway && string.IsNullOrWhiteSpace(configuration[$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.BotToken)}"]))
        {
            throw Invalid("Host:Role gateway needs Discord:BotToken: the gateway is the only work a gateway process does.");
        }

        return new HostRoleOptions { Role = role };
    }

    private static OptionsValidationException Invalid(string problem) =>
        new(Options.DefaultName, typeof(HostRoleOptions), [problem]);
}

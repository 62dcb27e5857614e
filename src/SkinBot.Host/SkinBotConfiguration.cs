namespace SkinBot.Host;

/// <summary>
/// The host and the CLI read the same configuration: appsettings.json (+ .{Environment}.json) from the content
/// root, user secrets in Development, environment variables — plain (<c>Discord__BotToken</c>) or prefixed
/// (<c>SKINBOT__Discord__BotToken</c>, which wins) — and, for the host, command-line switches.
/// </summary>
public static class SkinBotConfiguration
{
    public const string EnvironmentPrefix = "SKINBOT__";

    public static void AddSkinBotSources(this IConfigurationBuilder configuration) =>
        configuration.AddEnvironmentVariables(EnvironmentPrefix);
}

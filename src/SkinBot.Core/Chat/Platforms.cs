namespace SkinBot.Core.Chat;

/// <summary>Names of the doors into the engine, as used in metrics and logs.</summary>
public static class Platforms
{
    public const string Cli = "cli";
    public const string Web = "web";
    public const string Discord = "discord";
    public const string Teams = "teams";
}

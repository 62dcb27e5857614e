using SkinBot.Host.Cli;

// `skinbot` with no verb (or `skinbot serve`) runs the bot; any other verb is a CLI command.
return await CliApp.RunAsync(args);

/// <summary>Entry point; public for WebApplicationFactory in tests.</summary>
public partial class Program;

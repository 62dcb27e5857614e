using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Discord.Commands;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord;

/// <summary>
/// The <c>skinbot discord ...</c> verbs. The arguments of <see cref="RunAsync"/> are what follows
/// <c>skinbot discord</c>. Exit codes: 0 done, 1 failed, 2 usage error.
/// </summary>
public static class DiscordCliVerbs
{
    internal const string Usage = """
        usage: skinbot discord <verb>
          register-commands [--guild ID]   bulk-overwrite SkinBot's slash commands (global, or one guild for development)
          print-commands                   print the command definitions as JSON, after validating them
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        switch (args.Count > 0 ? args[0] : null)
        {
            case "register-commands":
                return await RegisterAsync(services, args, stdout, stderr, cancellationToken);
            case "print-commands" when args.Count == 1:
                var errors = CommandDefinitionValidator.Validate(SlashCommands.All);
                if (errors.Count > 0)
                {
                    await stderr.WriteLineAsync(string.Join(Environment.NewLine, errors));
                    return 1;
                }

                await stdout.WriteLineAsync(JsonSerializer.Serialize(SlashCommands.All, new JsonSerializerOptions(DiscordJson.Options) { WriteIndented = true }));
                return 0;
            default:
                await stderr.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> RegisterAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string? guild = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--guild" && i + 1 < args.Count && guild is null)
            {
                guild = args[++i];
            }
            else
            {
                await stderr.WriteLineAsync(Usage);
                return 2;
            }
        }

        var registrar = services.GetRequiredService<DiscordCommandRegistrar>();
        try
        {
            var count = await registrar.RegisterAsync(guild, cancellationToken);
            await stdout.WriteLineAsync(guild is null
                ? $"Registered {count} global commands (they may take a while to appear everywhere)."
                : $"Registered {count} commands in guild {guild}.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (DiscordRestException ex)
        {
            await stderr.WriteLineAsync($"Discord refused the registration: {(int?)ex.Status} {ex.DiscordCode} {ex.Message}");
            return 1;
        }
    }
}

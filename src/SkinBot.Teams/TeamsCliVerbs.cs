using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkinBot.Teams.AppPackage;

namespace SkinBot.Teams;

/// <summary>The <c>skinbot teams ...</c> command-line verbs.</summary>
public static class TeamsCliVerbs
{
    public const string Usage = """
        usage: skinbot teams package [--out <file.zip>] [--app-id <guid>] [--teams-app-id <guid>] [--version <x.y.z>]
                                     [--website-url <https url>] [--privacy-url <https url>] [--terms-url <https url>]
                                     [--developer-name <name>] [--manifest-dir <dir>]
          Writes the Teams app package (manifest.json + icons) to side-load in Teams.
          Values default to configuration: Teams:MicrosoftAppId and Teams:Package:* (WebsiteUrl, AppVersion, ...).
        """;

    private static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--out"] = "out",
        ["--app-id"] = "app-id",
        ["--teams-app-id"] = "teams-app-id",
        ["--version"] = "version",
        ["--website-url"] = "website-url",
        ["--privacy-url"] = "privacy-url",
        ["--terms-url"] = "terms-url",
        ["--developer-name"] = "developer-name",
        ["--manifest-dir"] = "manifest-dir",
    };

    /// <summary>Runs the verb in <paramref name="args"/> (what follows <c>skinbot teams</c>). 0 ok, 1 failed, 2 usage error.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var verb = args.Count > 0 ? args[0] : null;
        switch (verb)
        {
            case "package":
                return await PackageAsync(services, args.Skip(1).ToList(), stdout, stderr, cancellationToken);
            case "help" or "--help" or "-h":
                await stdout.WriteLineAsync(Usage);
                return 0;
            default:
                await stderr.WriteLineAsync(verb is null ? "skinbot teams: a verb is required." : $"skinbot teams: unknown verb '{verb}'.");
                await stderr.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> PackageAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!Flags.TryGetValue(args[i], out var key) || i + 1 >= args.Count)
            {
                await stderr.WriteLineAsync(Flags.ContainsKey(args[i]) ? $"skinbot teams package: {args[i]} needs a value." : $"skinbot teams package: unknown option '{args[i]}'.");
                await stderr.WriteLineAsync(Usage);
                return 2;
            }

            values[key] = args[++i];
        }

        try
        {
            var builder = services.GetService<AppPackageBuilder>() ?? new AppPackageBuilder(services);
            var package = builder.Build(new AppPackageRequest
            {
                AppId = values.GetValueOrDefault("app-id"),
                TeamsAppId = values.GetValueOrDefault("teams-app-id"),
                Version = values.GetValueOrDefault("version"),
                DeveloperName = values.GetValueOrDefault("developer-name"),
                WebsiteUrl = values.GetValueOrDefault("website-url"),
                PrivacyUrl = values.GetValueOrDefault("privacy-url"),
                TermsOfUseUrl = values.GetValueOrDefault("terms-url"),
                ManifestDirectory = values.GetValueOrDefault("manifest-dir"),
            });

            var output = Path.GetFullPath(values.GetValueOrDefault("out") ?? "skinbot-teams.zip");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var temporary = output + ".tmp";
            await File.WriteAllBytesAsync(temporary, package.Zip, cancellationToken);
            File.Move(temporary, output, overwrite: true);
            await stdout.WriteLineAsync(
                $"Wrote {output} ({package.Zip.Length} bytes): Teams app {package.Manifest["id"]} version {package.Manifest["version"]} for bot {package.Manifest["bots"]?[0]?["botId"]}, from {package.TemplateSource}.");
            await stdout.WriteLineAsync("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
            return 0;
        }
        catch (AppPackageException ex)
        {
            await stderr.WriteLineAsync("skinbot teams package: the package was not written:");
            foreach (var problem in ex.Problems)
            {
                await stderr.WriteLineAsync("  - " + problem);
            }

            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("skinbot teams package: invalid Teams configuration: " + string.Join(" ", ex.Failures));
            return 78; // EX_CONFIG, as the host and the other verbs exit for a configuration error
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync("skinbot teams package: " + ex.Message);
            return 1;
        }
    }
}

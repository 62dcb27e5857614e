using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Teams.AppPackage;
using SkinBot.Teams.Tests.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>`skinbot teams package` builds a zip Teams accepts for side-loading.</summary>
public sealed class AppPackageTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("skinbot-teams-package-").FullName;

    public void Dispose() => Directory.Delete(_workDirectory, recursive: true);

    private static IServiceProvider Services(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:MicrosoftAppId"] = TeamsTestHost.AppId,
            ["Teams:MicrosoftAppPassword"] = "secret",
            ["Teams:MicrosoftAppTenantId"] = FakeTokenEndpoint.Tenant,
            ["Teams:Package:WebsiteUrl"] = "https://skinbot.example.org/",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSkinBotTeams(configuration).BuildServiceProvider();
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await TeamsCliVerbs.RunAsync(services, args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_package_holds_a_filled_manifest_and_both_icons_at_the_right_sizes()
    {
        var zipPath = Path.Combine(_workDirectory, "skinbot-teams.zip");

        var (exit, output, errors) = await RunAsync(Services(), "package", "--out", zipPath, "--version", "1.2.3");

        Assert.True(exit == 0, errors);
        Assert.Contains(zipPath, output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        JsonNode manifest;
        using (var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open()))
        {
            manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        }

        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("1.2.3", manifest["version"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.AppId, manifest["composeExtensions"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("https://skinbot.example.org/", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.StartsWith("https://developer.microsoft.com/json-schemas/teams/v1.", manifest["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(ManifestRules.Check(manifest));

        Assert.Equal((192, 192), IconSize(zip, "color.png"));
        Assert.Equal((32, 32), IconSize(zip, "outline.png"));
    }

    [Fact]
    public async Task The_bot_offers_scar_types_prevent_treatments_and_help_in_every_scope()
    {
        var manifest = await BuildManifestAsync();

        var bot = manifest["bots"]![0]!;
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["personal", "team", "groupChat"], lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())));
        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            var titles = commands.Select(c => c!["title"]!.GetValue<string>()).ToList();
            Assert.Contains("scar boxcar", titles);
            Assert.Contains("scar ice pick", titles);
            Assert.Contains("scar rolling", titles);
            Assert.Contains("prevent", titles);
            Assert.Contains("treatments at home", titles);
            Assert.Contains("treatments for rolling scars", titles);
            Assert.Contains("help", titles);
            Assert.All(commands, c =>
            {
                Assert.InRange(c!["title"]!.GetValue<string>().Length, 1, 32);
                Assert.InRange(c["description"]!.GetValue<string>().Length, 1, 128);
            });
        }

        var search = manifest["composeExtensions"]![0]!["commands"]![0]!;
        Assert.Equal("query", search["type"]!.GetValue<string>());
        Assert.InRange(search["title"]!.GetValue<string>().Length, 1, 32);
    }

    [Fact]
    public async Task Every_typed_command_in_the_menu_is_understood_by_the_parser()
    {
        var manifest = await BuildManifestAsync();

        foreach (var command in manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray())
        {
            var title = command!["title"]!.GetValue<string>();
            Assert.True(SkinBot.Core.Chat.TypedCommandParser.TryParse(title) is not null, $"'{title}' is not a command the parser knows");
        }
    }

    [Fact]
    public async Task Without_deploy_teams_on_disk_the_embedded_template_is_used()
    {
        var zipPath = Path.Combine(_workDirectory, "embedded.zip");

        var (exit, output, errors) = await RunAsync(Services(), "package", "--out", zipPath, "--manifest-dir", "no/such/folder-" + Guid.NewGuid().ToString("N"));

        Assert.True(exit == 0, errors);
        Assert.Contains("embedded", output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(3, zip.Entries.Count);
    }

    [Fact]
    public async Task A_wrong_icon_size_is_refused()
    {
        var template = Path.Combine(_workDirectory, "template");
        Directory.CreateDirectory(template);
        var source = FindDeployTeams();
        File.Copy(Path.Combine(source, "manifest.json"), Path.Combine(template, "manifest.json"));
        File.Copy(Path.Combine(source, "outline.png"), Path.Combine(template, "outline.png"));
        File.Copy(Path.Combine(source, "outline.png"), Path.Combine(template, "color.png")); // 32x32 where 192x192 is needed

        var (exit, _, errors) = await RunAsync(Services(), "package", "--out", Path.Combine(_workDirectory, "x.zip"), "--manifest-dir", template);

        Assert.Equal(1, exit);
        Assert.Contains("color.png is 32x32; Teams needs 192x192", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_workDirectory, "x.zip")));
    }

    [Fact]
    public async Task A_missing_website_is_explained()
    {
        var (exit, _, errors) = await RunAsync(Services(new() { ["Teams:Package:WebsiteUrl"] = null }), "package", "--out", Path.Combine(_workDirectory, "x.zip"));

        Assert.Equal(1, exit);
        Assert.Contains("--website-url", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_app_id_can_be_given_on_the_command_line()
    {
        var services = Services(new() { ["Teams:MicrosoftAppId"] = null, ["Teams:MicrosoftAppPassword"] = null });
        var zipPath = Path.Combine(_workDirectory, "flag.zip");

        var (exit, _, errors) = await RunAsync(services, "package", "--out", zipPath, "--app-id", "0d6f5e4c-3b2a-4190-8f7e-6d5c4b3a2918");

        Assert.True(exit == 0, errors);
    }

    [Fact]
    public async Task Packaging_does_not_need_the_client_secret()
    {
        var services = Services(new() { ["Teams:MicrosoftAppPassword"] = null });
        var zipPath = Path.Combine(_workDirectory, "no-secret.zip");

        var (exit, _, errors) = await RunAsync(services, "package", "--out", zipPath);

        Assert.True(exit == 0, errors);
        Assert.True(File.Exists(zipPath));
    }

    [Fact]
    public async Task An_app_id_that_is_not_a_guid_is_refused()
    {
        var (exit, _, errors) = await RunAsync(Services(), "package", "--out", Path.Combine(_workDirectory, "x.zip"), "--app-id", "my-bot");

        Assert.Equal(1, exit);
        Assert.Contains("GUID", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("")]
    public async Task An_unknown_verb_prints_usage_to_stderr_and_exits_2(string verb)
    {
        var args = verb.Length == 0 ? Array.Empty<string>() : [verb];

        var (exit, output, errors) = await RunAsync(Services(), args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("usage: skinbot teams package", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_prints_usage_and_exits_2()
    {
        var (exit, _, errors) = await RunAsync(Services(), "package", "--colour", "red");

        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--colour'", errors, StringComparison.Ordinal);
    }

    private async Task<JsonNode> BuildManifestAsync()
    {
        var zipPath = Path.Combine(_workDirectory, Guid.NewGuid().ToString("N") + ".zip");
        var (exit, _, errors) = await RunAsync(Services(), "package", "--out", zipPath);
        Assert.True(exit == 0, errors);
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(await reader.ReadToEndAsync())!;
    }

    private static (int, int) IconSize(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.True(PngInfo.TryReadSize(copy.ToArray(), out var width, out var height), $"{name} is not a PNG");
        return (width, height);
    }

    private static string FindDeployTeams()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy", "teams");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("deploy/teams");
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SkinBot.Teams.AppPackage;

/// <summary>
/// The manifest limits Teams enforces on upload, checked before a package is written so that a bad edit
/// fails here with a clear message rather than in the Teams admin center.
/// </summary>
internal static partial class ManifestRules
{
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;
    public const int MaxCommandsPerList = 10;
    public const int MaxCommandTitle = 32;
    public const int MaxCommandDescription = 128;

    public static IReadOnlyList<string> Check(JsonNode manifest)
    {
        var problems = new List<string>();
        var placeholders = new List<string>();
        FindPlaceholders(manifest, "$", placeholders);
        problems.AddRange(placeholders.Select(p => $"{p} still holds a placeholder"));

        Require(problems, manifest, "manifestVersion");
        RequireMatch(problems, manifest["version"]?.GetValue<string>(), SemVer(), "version must look like 1.0.0");
        RequireMatch(problems, manifest["id"]?.GetValue<string>(), Guid(), "id must be a GUID");
        RequireMatch(problems, manifest["accentColor"]?.GetValue<string>(), HexColor(), "accentColor must be #RRGGBB");
        RequireLength(problems, manifest["name"]?["short"], "name.short", 1, 30);
        RequireLength(problems, manifest["name"]?["full"], "name.full", 0, 100);
        RequireLength(problems, manifest["description"]?["short"], "description.short", 1, 80);
        RequireLength(problems, manifest["description"]?["full"], "description.full", 1, 4000);
        RequireLength(problems, manifest["developer"]?["name"], "developer.name", 1, 32);
        foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var url = manifest["developer"]?[key]?.GetValue<string>();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || url.Length > 2048)
            {
                problems.Add($"developer.{key} must be an https URL");
            }
        }

        var bots = manifest["bots"]?.AsArray() ?? [];
        if (bots.Count != 1)
        {
            problems.Add("exactly one bot is expected");
        }

        foreach (var bot in bots)
        {
            RequireMatch(problems, bot?["botId"]?.GetValue<string>(), Guid(), "bots[].botId must be the bot's app id (a GUID)");
            var lists = bot?["commandLists"]?.AsArray() ?? [];
            if (lists.Count > 3)
            {
                problems.Add("at most 3 commandLists (one per scope)");
            }

            foreach (var list in lists)
            {
                var commands = list?["commands"]?.AsArray() ?? [];
                if (commands.Count is 0 or > MaxCommandsPerList)
                {
                    problems.Add($"each commandList needs 1 to {MaxCommandsPerList} commands");
                }

                foreach (var command in commands)
                {
                    RequireLength(problems, command?["title"], "command title", 1, MaxCommandTitle);
                    RequireLength(problems, command?["description"], "command description", 1, MaxCommandDescription);
                }
            }
        }

        foreach (var extension in manifest["composeExtensions"]?.AsArray() ?? [])
        {
            RequireMatch(problems, extension?["botId"]?.GetValue<string>(), Guid(), "composeExtensions[].botId must be the bot's app id (a GUID)");
            var commands = extension?["commands"]?.AsArray() ?? [];
            if (commands.Count is 0 or > MaxCommandsPerList)
            {
                problems.Add($"a message extension needs 1 to {MaxCommandsPerList} commands");
            }

            foreach (var command in commands)
            {
                RequireLength(problems, command?["id"], "message extension command id", 1, 64);
                RequireLength(problems, command?["title"], "message extension command title", 1, MaxCommandTitle);
                RequireLength(problems, command?["description"], "message extension command description", 0, MaxCommandDescription);
                foreach (var parameter in command?["parameters"]?.AsArray() ?? [])
                {
                    RequireLength(problems, parameter?["name"], "parameter name", 1, 64);
                    RequireLength(problems, parameter?["title"], "parameter title", 1, MaxCommandTitle);
                    RequireLength(problems, parameter?["description"], "parameter description", 0, MaxCommandDescription);
                }
            }
        }

        return problems;
    }

    public static void FindPlaceholders(JsonNode? node, string path, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    FindPlaceholders(child, path + "." + key, found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    FindPlaceholders(array[i], $"{path}[{i}]", found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && Placeholder().IsMatch(text):
                found.Add(path);
                break;
        }
    }

    private static void Require(List<string> problems, JsonNode manifest, string key)
    {
        if (manifest[key] is null)
        {
            problems.Add($"{key} is missing");
        }
    }

    private static void RequireMatch(List<string> problems, string? value, Regex pattern, string message)
    {
        if (value is null || !pattern.IsMatch(value))
        {
            problems.Add(message);
        }
    }

    private static void RequireLength(List<string> problems, JsonNode? node, string what, int min, int max)
    {
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if ((text is null && min > 0) || (text is not null && (text.Length < min || text.Length > max)))
        {
            problems.Add($"{what} must be {min} to {max} characters (\"{text}\")");
        }
    }

    [GeneratedRegex(@"\{\{[A-Z0-9_]+\}\}", RegexOptions.CultureInvariant)]
    internal static partial Regex Placeholder();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Guid();

    [GeneratedRegex(@"^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}

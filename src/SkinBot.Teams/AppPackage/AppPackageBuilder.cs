using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SkinBot.Teams.AppPackage;

/// <summary>What goes into the manifest's {{PLACEHOLDERS}}; null members fall back to <see cref="TeamsOptions"/>.</summary>
internal sealed record AppPackageRequest
{
    public string? AppId { get; init; }

    public string? TeamsAppId { get; init; }

    public string? Version { get; init; }

    public string? DeveloperName { get; init; }

    public string? WebsiteUrl { get; init; }

    public string? PrivacyUrl { get; init; }

    public string? TermsOfUseUrl { get; init; }

    public string? ManifestDirectory { get; init; }
}

/// <summary>A built package: the zip bytes, the filled manifest, and where the template came from.</summary>
internal sealed record AppPackage(byte[] Zip, JsonNode Manifest, string TemplateSource);

/// <summary>The package cannot be built; each problem names what to fix.</summary>
internal sealed class AppPackageException(IReadOnlyList<string> problems)
    : Exception("The Teams app package cannot be built: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Builds the side-loadable Teams app zip (manifest.json + color and outline icons at the root) from
/// deploy/teams, filling the placeholders and refusing to write a package Teams would reject.
/// When deploy/teams cannot be found (e.g. in a container) the copy embedded in this assembly is used.
/// </summary>
internal sealed class AppPackageBuilder
{
    internal const string EmbeddedPrefix = "SkinBot.Teams.AppTemplate.";
    private const string ManifestFileName = "manifest.json";

    private readonly TeamsOptions _options;
    private readonly string? _contentRoot;

    public AppPackageBuilder(IServiceProvider services)
    {
        // Bound straight from configuration, not through IOptions: packaging needs no client secret, so the
        // start-up validation (which demands one next to an app id) must not stop it.
        _options = services.GetService<IConfiguration>()?.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>()
            ?? services.GetService<IOptions<TeamsOptions>>()?.Value
            ?? new TeamsOptions();
        _contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath;
    }

    public AppPackage Build(AppPackageRequest request)
    {
        var package = _options.Package;
        var appId = First(request.AppId, _options.MicrosoftAppId);
        var website = First(request.WebsiteUrl, package.WebsiteUrl);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["MICROSOFT_APP_ID"] = appId,
            ["TEAMS_APP_ID"] = First(request.TeamsAppId, package.TeamsAppId, appId),
            ["APP_VERSION"] = First(request.Version, package.AppVersion),
            ["DEVELOPER_NAME"] = First(request.DeveloperName, package.DeveloperName),
            ["WEBSITE_URL"] = website,
            ["PRIVACY_URL"] = First(request.PrivacyUrl, package.PrivacyUrl, website),
            ["TERMS_OF_USE_URL"] = First(request.TermsOfUseUrl, package.TermsOfUseUrl, website),
        };

        var missing = new List<string>();
        if (appId is null)
        {
            missing.Add("the bot's app id is not set (Teams:MicrosoftAppId or --app-id)");
        }

        if (website is null)
        {
            missing.Add("the developer website is not set (Teams:Package:WebsiteUrl or --website-url, an https address shown on the app's About page)");
        }

        if (missing.Count > 0)
        {
            throw new AppPackageException(missing);
        }

        var template = TemplateFiles.Open(request.ManifestDirectory ?? package.ManifestDirectory, _contentRoot);
        JsonNode manifest;
        try
        {
            manifest = JsonNode.Parse(template.Read(ManifestFileName)) ?? throw new AppPackageException(["manifest.json is empty"]);
        }
        catch (JsonException ex)
        {
            throw new AppPackageException([$"manifest.json is not valid JSON: {ex.Message}"]);
        }

        Fill(manifest, values);
        var problems = new List<string>(ManifestRules.Check(manifest));
        var colorName = manifest["icons"]?["color"]?.GetValue<string>();
        var outlineName = manifest["icons"]?["outline"]?.GetValue<string>();
        var color = ReadIcon(template, colorName, "icons.color", ManifestRules.ColorIconSize, problems);
        var outline = ReadIcon(template, outlineName, "icons.outline", ManifestRules.OutlineIconSize, problems);
        if (problems.Count > 0)
        {
            throw new AppPackageException(problems);
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestFileName, Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
            Add(zip, colorName!, color!);
            Add(zip, outlineName!, outline!);
        }

        return new AppPackage(buffer.ToArray(), manifest, template.Description);
    }

    private static byte[]? ReadIcon(TemplateFiles template, string? name, string what, int size, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            problems.Add($"{what} must name a PNG file beside manifest.json");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = template.Read(name);
        }
        catch (FileNotFoundException)
        {
            problems.Add($"{what} names {name}, which is not in {template.Description}");
            return null;
        }

        if (!PngInfo.TryReadSize(bytes, out var width, out var height))
        {
            problems.Add($"{name} is not a PNG");
        }
        else if (width != size || height != size)
        {
            problems.Add($"{name} is {width}x{height}; Teams needs {size}x{size}");
        }

        return bytes;
    }

    private static void Fill(JsonNode? node, IReadOnlyDictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Substitute(text, values);
                    }
                    else
                    {
                        Fill(obj[key], values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Substitute(text, values);
                    }
                    else
                    {
                        Fill(array[i], values);
                    }
                }

                break;
        }
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string?> values) =>
        ManifestRules.Placeholder().Replace(text, match =>
            values.TryGetValue(match.Value[2..^2], out var value) && value is not null ? value : match.Value);

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string? First(params string?[] candidates) =>
        candidates.Select(c => c?.Trim()).FirstOrDefault(c => !string.IsNullOrEmpty(c));

    /// <summary>The template folder on disk, or the copy embedded at build time.</summary>
    private sealed class TemplateFiles
    {
        private readonly string? _directory;

        private TemplateFiles(string? directory, string description)
        {
            _directory = directory;
            Description = description;
        }

        public string Description { get; }

        public static TemplateFiles Open(string manifestDirectory, string? contentRoot)
        {
            if (Path.IsPathRooted(manifestDirectory))
            {
                return File.Exists(Path.Combine(manifestDirectory, ManifestFileName))
                    ? new TemplateFiles(manifestDirectory, manifestDirectory)
                    : throw new AppPackageException([$"{Path.Combine(manifestDirectory, ManifestFileName)} does not exist"]);
            }

            // Relative: try the content root, the working directory and the app's folder, and each of their parents,
            // so "deploy/teams" is found from the repository root, from src/SkinBot.Host, or from bin/.
            foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, manifestDirectory);
                    if (File.Exists(Path.Combine(candidate, ManifestFileName)))
                    {
                        return new TemplateFiles(candidate, candidate);
                    }
                }
            }

            return new TemplateFiles(null, "the template embedded in SkinBot.Teams");
        }

        public byte[] Read(string name)
        {
            if (_directory is not null)
            {
                var path = Path.Combine(_directory, name);
                return File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException(name);
            }

            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedPrefix + name)
                ?? throw new FileNotFoundException(name);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

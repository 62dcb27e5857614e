using System.Text;
using System.Text.RegularExpressions;
using SkinBot.Testing;
using Xunit.Abstractions;

namespace SkinBot.Core.Tests.Architecture;

/// <summary>
/// Core's folders depend one way: each may use only folders on lower layers. The layers are written here, so moving a
/// type or adding a folder is a decision someone makes on purpose, and a cycle fails the build's tests.
/// </summary>
public sealed partial class CoreFolderLayersTests(ITestOutputHelper output)
{
    /// <summary>Lowest first. Folders on one layer do not use each other.</summary>
    private static readonly string[][] Layers =
    [
        ["Domain", "Text", "Markup", "Configuration", "Diagnostics"],
        ["Corpus"],
        ["Search", "Scope", "Safety", "Conversations", "State", "Feedback"],
        ["Knowledge"],
        ["Intents"],
        ["Answers"],
        ["Chat"],
        ["Engine"],
        ["Turns", "Evaluation", "CorpusChecks"],
    ];

    private static string CoreSource => Path.Combine(RepositoryRoot.Path, "src", "SkinBot.Core");

    [Fact]
    public void Every_core_folder_has_a_layer()
    {
        var placed = Layers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        var unplaced = SourceFolders().Where(f => !placed.Contains(f)).ToList();
        Assert.True(unplaced.Count == 0, "Folders without a layer: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Core_folders_use_only_lower_layers()
    {
        var layerOf = Layers.SelectMany((folders, layer) => folders.Select(f => (f, layer))).ToDictionary(p => p.f, p => p.layer, StringComparer.Ordinal);
        var graph = DependencyGraph();
        output.WriteLine(Describe(graph));

        var upward = graph
            .SelectMany(e => e.Value.Select(used => (From: e.Key, Used: used)))
            .Where(e => layerOf.ContainsKey(e.From) && layerOf.ContainsKey(e.Used) && layerOf[e.Used] >= layerOf[e.From])
            .Select(e => $"{e.From} uses {e.Used}")
            .ToList();
        Assert.True(upward.Count == 0, "Dependencies that do not point down:\n" + string.Join('\n', upward) + "\n\n" + Describe(graph));
    }

    [Fact]
    public void The_scan_sees_namespace_imports_and_qualified_names()
    {
        var uses = UsedFolders(
            "using SkinBot.Core.Corpus;\nnamespace SkinBot.Core.Answers;\n// Safety.Screen in a comment\nclass A { Domain.Urgency u; string s = \"Chat.X\"; }",
            ["Corpus", "Domain", "Safety", "Chat", "Answers"]);
        Assert.Equal(["Corpus", "Domain"], uses.Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<string> SourceFolders() =>
        [.. Directory.GetDirectories(CoreSource)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties"))
            .Where(name => Directory.EnumerateFiles(Path.Combine(CoreSource, name), "*.cs", SearchOption.AllDirectories).Any())
            .Order(StringComparer.Ordinal)];

    private static Dictionary<string, SortedSet<string>> DependencyGraph()
    {
        var folders = SourceFolders();
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var used = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(CoreSource, folder), "*.cs", SearchOption.AllDirectories))
            {
                used.UnionWith(UsedFolders(File.ReadAllText(file), folders));
            }

            used.Remove(folder);
            graph[folder] = used;
        }

        return graph;
    }

    /// <summary>Core folders a source file names: <c>using SkinBot.Core.X;</c> or a qualified <c>X.Type</c>, outside comments and strings.</summary>
    private static IEnumerable<string> UsedFolders(string source, IReadOnlyList<string> folders)
    {
        var code = CommentsAndStrings().Replace(source, " ");
        var own = OwnNamespace().Match(code) is { Success: true } m ? m.Groups[1].Value : null;
        var names = string.Join('|', folders.Select(Regex.Escape));
        var qualified = new Regex($@"(?<![\w.])(?:SkinBot\.Core\.|Core\.)?({names})\.[A-Z]\w*", RegexOptions.CultureInvariant);
        return ImportedFolder().Matches(code).Select(x => x.Groups[1].Value)
            .Concat(qualified.Matches(code).Select(x => x.Groups[1].Value))
            .Where(f => folders.Contains(f) && f != own)
            .Distinct(StringComparer.Ordinal);
    }

    private static string Describe(Dictionary<string, SortedSet<string>> graph)
    {
        var text = new StringBuilder("Core folder dependencies:\n");
        foreach (var (folder, used) in graph.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(folder).Append(" -> ").AppendLine(used.Count == 0 ? "(nothing)" : string.Join(", ", used));
        }

        return text.ToString();
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@?""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"^\s*using\s+SkinBot\.Core\.(\w+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ImportedFolder();

    [GeneratedRegex(@"^\s*namespace\s+SkinBot\.Core\.(\w+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OwnNamespace();
}

using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Corpus;

/// <summary>The YAML block at the top of a curated article.</summary>
public sealed class FrontMatter
{
    public string? Title { get; set; }

    /// <summary>Where the text came from (provenance, free text).</summary>
    public string? Source { get; set; }

    /// <summary>Who published it, as shown in citations; empty when unknown.</summary>
    public string? Publisher { get; set; }

    public string? Url { get; set; }

    /// <summary>The expert quoted, as shown in citations ("Rachel Maiman, MD").</summary>
    public string? Expert { get; set; }

    public string? ExpertRole { get; set; }

    public string? Retrieved { get; set; }

    public string? Language { get; set; }

    /// <summary>One note per structural fix an editor made; required reading before changing an article.</summary>
    public List<string> EditorNotes { get; set; } = [];

    /// <summary><c>article</c> (a published text quoted as written) or <c>summary</c> (SkinBot's own words); null reads as article.</summary>
    public string? Kind { get; set; }

    /// <summary>The clinician who reviewed a summary; empty until one has.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>Short phrase naming whose guidance a summary condenses ("AAD and DermNet guidance").</summary>
    public string? SummaryOf { get; set; }

    /// <summary>The public sources a summary's passages cite with <c>[^id]</c> markers.</summary>
    public List<FrontMatterSource> Sources { get; set; } = [];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Splits "---\nyaml\n---\nbody" into front matter and body; no front matter gives an empty one.</summary>
    public static (FrontMatter FrontMatter, string Body) Split(string filePath, string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
        {
            return (new FrontMatter(), text);
        }

        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var end = firstBreak < 0 ? -1 : text.IndexOf("\n---", firstBreak, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new CorpusFormatException(filePath, "front matter starts with '---' but never ends");
        }

        // "---\n---" is an empty block: the closing fence starts where the first line ends.
        var yaml = end <= firstBreak ? string.Empty : text[(firstBreak + 1)..end];
        var afterFence = text.IndexOf('\n', end + 4);
        var body = afterFence < 0 ? string.Empty : text[(afterFence + 1)..];
        return (CorpusYaml.Deserialize<FrontMatter?>(Deserializer, yaml, filePath, "front matter") ?? new FrontMatter(), body);
    }
}

/// <summary>One entry of a summary's <c>sources:</c> list.</summary>
public sealed class FrontMatterSource
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    public string? Retrieved { get; set; }
}

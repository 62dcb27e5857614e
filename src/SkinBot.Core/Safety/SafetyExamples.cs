using SkinBot.Core.Corpus;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety-examples.yml: clauses people have written that meant a crisis, and clauses that only look like one. The
/// crisis screen compares each clause of a message with both (by meaning, not words), so a way of saying it that no
/// sign in safety.yml lists can still be caught.
/// </summary>
public sealed class SafetyExamples
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static SafetyExamples Empty { get; } = new() { Crisis = [], LookAlikes = [] };

    /// <summary>Clauses that meant a crisis: self-harm, suicidal thoughts, plans or goodbyes.</summary>
    public required IReadOnlyList<string> Crisis { get; init; }

    /// <summary>Clauses that are not a crisis, chosen because they read close to one ("i'm done guessing").</summary>
    public required IReadOnlyList<string> LookAlikes { get; init; }

    public static SafetyExamples Parse(string yaml, string sourceName = "safety-examples.yml")
    {
        var file = CorpusYaml.Deserialize<SafetyExamplesFile?>(Deserializer, yaml, sourceName) ?? new SafetyExamplesFile();
        var crisis = Clean(file.Crisis);
        return crisis.Count == 0
            ? throw new CorpusFormatException(sourceName, "crisis needs at least one example clause")
            : new SafetyExamples { Crisis = crisis, LookAlikes = Clean(file.LookAlikes) };
    }

    private static List<string> Clean(List<string>? clauses) =>
        [.. (clauses ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>safety-examples.yml as written. Property names map to snake_case keys.</summary>
public sealed class SafetyExamplesFile
{
    public List<string>? Crisis { get; set; }

    public List<string>? LookAlikes { get; set; }
}

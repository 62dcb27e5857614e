using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads one YAML document of the corpus (front matter, intents.yml, safety.yml, topics.yml …): broken YAML becomes
/// a <see cref="CorpusFormatException"/> naming the file and line, never another exception that would stop a build.
/// </summary>
public static class CorpusYaml
{
    /// <param name="what">What the text is, for the message ("front matter"); null for a whole file.</param>
    public static T? Deserialize<T>(IDeserializer deserializer, string yaml, string sourceName, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        var subject = what is null ? "not valid YAML" : $"{what} is not valid YAML";
        try
        {
            return deserializer.Deserialize<T>(yaml);
        }
        catch (YamlException ex)
        {
            throw new CorpusFormatException(sourceName, $"{subject} at line {ex.Start.Line}: {(ex.InnerException ?? ex).Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet's parser throws this, not a YamlException, for some malformed directives and tags
            // ("%TAG ! x": "Global tags must be valid URIs"), which a fuzzed article found.
            throw new CorpusFormatException(sourceName, $"{subject}: {ex.Message}", ex);
        }
    }
}

using SkinBot.Core.Corpus;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Safety;
using SkinBot.Core.Scope;

namespace SkinBot.Core.Tests.Corpus;

/// <summary>Every corpus YAML reader refuses broken YAML with the file's name, whatever YamlDotNet throws for it.</summary>
public sealed class CorpusYamlTests
{
    // YamlDotNet throws ArgumentException ("Global tags must be valid URIs"), not YamlException, for a node tagged
    // "!!!…"; found by CorpusParserPropertyTests with seed e8GtvDaM2oY1.
    private const string BadTag = "!!![free cure](https://evil.example/x)\n";

    public static TheoryData<string, Action> Readers => new()
    {
        { "front matter", () => FrontMatter.Split("articles/a.md", "---\n!!![free cure](https://evil.example/x)\n---\nbody") },
        { "intents.yml", () => IntentCatalog.Parse(BadTag) },
        { "safety.yml", () => SafetyCatalog.Parse(BadTag) },
        { "topics.yml", () => ScopeCatalog.Parse(BadTag) },
        { "eval set", () => SkinBot.Core.Evaluation.EvalSet.Parse(BadTag, "set.yml") },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void A_tag_yamldotnet_rejects_with_an_argument_exception_is_a_corpus_format_error(string reader, Action read)
    {
        var error = Assert.Throws<CorpusFormatException>(read);

        Assert.True(error.Message.Contains("not valid YAML", StringComparison.Ordinal), $"{reader}: {error.Message}");
    }
}

using SkinBot.Core.Safety;
using SkinBot.Testing;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Tests.Safety;

/// <summary>
/// safety-languages.yml read from the parser's events must be read exactly as the reflection deserializer reads it, and
/// what the fast reader does not handle must be left to the deserializer rather than read differently.
/// </summary>
public sealed class SafetySignsReaderTests
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    [Fact]
    public void The_repository_file_reads_the_same_as_through_the_deserializer()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety-languages.yml"));

        var fast = SafetySignsReader.TryRead(yaml);
        var slow = Deserializer.Deserialize<Dictionary<string, List<SafetySignEntry?>?>>(yaml);

        Assert.NotNull(fast);
        Assert.Equal(Describe(slow), Describe(fast));
        Assert.True(fast.Values.Sum(signs => signs?.Count ?? 0) > 1000);
    }

    [Theory]
    [InlineData("crisis:\n  - name: a\n    covers: b\n    phrases: [x]\n    within: 4\n    negatable: false\n    alone: true\n    max_words: 8\n    yields_to: [see_doctor]\n    unless: [\"y z\"]\n")]
    [InlineData("crisis:\n  - name: a\n    covers: \"b: c\"\n    near:\n      - [x, 'y']\n      - [z]\n    within: 12\n")]
    [InlineData("crisis:\nsee_doctor: []\n")]
    [InlineData("crisis:\n  -\n  - name: a\n    covers: b\n    phrases:\n      - one\n      - two words\n")]
    [InlineData("")]
    public void Plain_files_read_as_the_deserializer_reads_them(string yaml)
    {
        var fast = SafetySignsReader.TryRead(yaml);

        Assert.NotNull(fast);
        Assert.Equal(Describe(Deserializer.Deserialize<Dictionary<string, List<SafetySignEntry?>?>?>(yaml) ?? []), Describe(fast));
    }

    [Theory]
    [InlineData("crisis:\n  - name: a\n    covers: b\n    phrases: [x]\n    colour: red\n")]
    [InlineData("crisis:\n  - &first\n    name: a\n    covers: b\n    phrases: [x]\n  - *first\n")]
    [InlineData("crisis:\n  - name: a\n    covers: b\n    phrases: [x]\n    within: six\n")]
    [InlineData("crisis:\n  - name: a\n    covers: b\n    phrases: [x, ~]\n")]
    [InlineData("crisis: [\n")]
    [InlineData("crisis:\n  - name: a\n    name: b\n    covers: c\n    phrases: [x]\n")]
    public void Unknown_keys_aliases_odd_values_and_broken_yaml_are_left_to_the_deserializer(string yaml)
    {
        Assert.Null(SafetySignsReader.TryRead(yaml));
    }

    [Fact]
    public void An_unknown_key_still_fails_the_catalog_with_its_line()
    {
        const string Languages = "crisis:\n  - name: crisis-x\n    covers: b\n    phrases: [quiero morirme]\n    colour: red\n";
        var safetyYaml = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "safety.yml"));

        var error = Assert.Throws<SkinBot.Core.Corpus.CorpusFormatException>(() => SafetyCatalog.Parse(safetyYaml, "safety.yml", new SafetySignsText(Languages, "safety-languages.yml")));

        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(Dictionary<string, List<SafetySignEntry?>?> file) =>
        string.Join('\n', file.Select(tier => $"{tier.Key}: " + (tier.Value is null ? "null" : string.Join(" | ", tier.Value.Select(Describe)))));

    private static string Describe(SafetySignEntry? sign) =>
        sign is null
            ? "null"
            : $"{sign.Name}/{sign.Covers}/[{string.Join(',', sign.Phrases)}]/[{string.Join(';', sign.Near.Select(g => string.Join(',', g)))}]/{sign.Within}/{sign.Negatable}/[{string.Join(',', sign.Unless)}]/[{string.Join(',', sign.YieldsTo)}]/{sign.Alone}/{sign.MaxWords}";
}

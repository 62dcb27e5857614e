using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>intents.yml is data a maintainer edits: the catalog accepts the real file and rejects broken ones with a reason.</summary>
public sealed class IntentCatalogTests
{
    private static readonly string RealIntents = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "intents.yml"));
    private static readonly string RealExamples = File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "intent-examples.yml"));

    private static string Minimal(string? replaceIntent = null, string? with = null, string caveat = "See a dermatologist.")
    {
        string[] ids = ["definition", "scar_types", "prevention", "permanence", "treatment_at_home", "treatment_in_office", "treatment_any", "greeting_help", "out_of_scope", "urgent"];
        var intents = ids.Select(id => id == replaceIntent ? with : id == "urgent" ? "  - id: urgent\n" : $"  - id: {id}\n    examples: [example for {id}]\n").OfType<string>();
        return $"caveat: \"{caveat}\"\nintents:\n{string.Concat(intents)}";
    }

    [Fact]
    public void The_repository_intents_parse_with_every_built_in_intent()
    {
        var catalog = IntentCatalog.Parse(RealIntents, "intents.yml", RealExamples);

        Assert.All(
            new[] { IntentIds.Definition, IntentIds.ScarTypes, IntentIds.Prevention, IntentIds.Permanence, IntentIds.TreatmentAtHome, IntentIds.TreatmentInOffice, IntentIds.TreatmentAny, IntentIds.GreetingHelp, IntentIds.OutOfScope, IntentIds.Urgent },
            id => Assert.True(catalog.ById.ContainsKey(id), id));
        Assert.Empty(catalog[IntentIds.Urgent].Examples);
        Assert.False(string.IsNullOrWhiteSpace(catalog.Caveat));
        Assert.Equal("at_home", catalog[IntentIds.TreatmentAtHome].Setting);
        Assert.Equal("in_office", catalog[IntentIds.TreatmentInOffice].Setting);
    }

    [Fact]
    public void The_repository_intents_name_only_sections_the_corpus_has()
    {
        var catalog = IntentCatalog.Parse(RealIntents);
        var passages = Directory.GetFiles(Path.Combine(RepositoryRoot.Corpus, "articles"), "*.md")
            .SelectMany(file => PassageSplitter.Split(MarkdownArticleParser.Parse(file, File.ReadAllText(file)), 0))
            .ToList();

        Assert.Empty(catalog.UnknownSections(passages));
    }

    [Fact]
    public void Extra_examples_are_merged_into_their_intents()
    {
        var extra = "examples:\n  definition:\n    - what on earth is a pockmark\n    - ''\n";

        var catalog = IntentCatalog.Parse(Minimal(), "corpus/intents.yml", extra);

        Assert.Equal(["example for definition", "what on earth is a pockmark"], catalog[IntentIds.Definition].Examples);
    }

    [Fact]
    public void Extra_examples_for_an_unknown_intent_are_an_error_naming_the_examples_file()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal(), "corpus/intents.yml", "examples:\n  defintion: [typo]\n"));

        Assert.EndsWith("intent-examples.yml", error.FilePath, StringComparison.Ordinal);
        Assert.Contains("defintion", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_built_in_intent_is_an_error_naming_it()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal("permanence", null)));

        Assert.Contains("missing intents: permanence", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intent_defined_twice_is_an_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal() + "  - id: definition\n    examples: [again]\n"));

        Assert.Contains("defined twice", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_caveat_is_an_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal(caveat: " ")));

        Assert.Contains("caveat", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intent_without_examples_is_an_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal("prevention", "  - id: prevention\n    examples: []\n")));

        Assert.Contains("'prevention' has no examples", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_is_an_error()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal("treatment_at_home", "  - id: treatment_at_home\n    setting: garage\n    examples: [x]\n")));

        Assert.Contains("garage", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Examples_for_the_urgent_intent_are_an_error_because_only_the_safety_screen_decides_urgency()
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal("urgent", "  - id: urgent\n    examples: [my face is swollen]\n")));

        Assert.Contains("safety.yml", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intents: [unclosed\n")]
    [InlineData("caveat: x\nintents:\n  - id: definition\n    max_passages: lots\n")]
    [InlineData("\t- tabs are not yaml\n")]
    public void Text_that_is_not_valid_yaml_is_an_error_with_a_line(string yaml)
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(yaml, "corpus/intents.yml"));

        Assert.Equal("corpus/intents.yml", error.FilePath);
        Assert.Contains("line", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - id: prevention\n    examples:\n", "'prevention' has no examples")]
    [InlineData("  - id: prevention\n    examples:\n      -\n      - ''\n", "'prevention' has no examples")]
    [InlineData("  -\n", "has no id")]
    [InlineData("  - title: no id here\n    examples: [x]\n", "has no id")]
    public void An_empty_entry_left_by_an_editor_is_a_format_error_not_a_crash(string entry, string reason)
    {
        var error = Assert.Throws<CorpusFormatException>(() => IntentCatalog.Parse(Minimal("prevention", entry)));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prevention", "  - id: prevention\n    sections:\n    examples: [x]\n")]
    [InlineData("prevention", "  - id: prevention\n    signals:\n    examples: [x]\n")]
    [InlineData("urgent", "  - id: urgent\n    sections:\n    examples:\n")]
    public void An_empty_optional_list_reads_as_an_empty_list(string intent, string entry)
    {
        var catalog = IntentCatalog.Parse(Minimal(intent, entry));

        Assert.Empty(catalog[intent].Sections);
        Assert.Empty(catalog[intent].Signals);
    }

    [Theory]
    [InlineData("examples:\n")]
    [InlineData("examples:\n  definition:\n")]
    public void An_empty_examples_file_adds_nothing(string extra)
    {
        var catalog = IntentCatalog.Parse(Minimal(), "intents.yml", extra);

        Assert.Equal(["example for definition"], catalog[IntentIds.Definition].Examples);
    }

    [Fact]
    public void Empty_word_lists_read_as_empty()
    {
        var catalog = IntentCatalog.Parse("ignore_words:\ndomain_terms:\n" + Minimal());

        Assert.Empty(catalog.File.IgnoreWords);
        Assert.Empty(catalog.File.DomainTerms);
    }

    [Theory]
    [InlineData("forever^2", "forever")]
    [InlineData("dermatologist^0", "dermatologist")]
    [InlineData("go away", "go away")]
    [InlineData("a^b", "a^b")]
    public void Signal_weights_are_stripped_from_the_words(string signal, string words)
    {
        Assert.Equal(words, SignalMatcher.StripWeight(signal));
    }
}

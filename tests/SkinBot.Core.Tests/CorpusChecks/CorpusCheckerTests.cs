using SkinBot.Core.CorpusChecks;
using SkinBot.Testing;
using Xunit.Abstractions;

namespace SkinBot.Core.Tests.CorpusChecks;

/// <summary>
/// <c>skinbot corpus check</c>: the repository's corpus passes, and each kind of mistake an editor can make is
/// named with its file and line. Each fixture starts from a copy of the real corpus and breaks one thing.
/// </summary>
public sealed class CorpusCheckerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private async Task<IReadOnlyList<CorpusFinding>> CheckAsync()
    {
        var findings = await CorpusChecker.CheckAsync(_corpus.Layout, Today, CancellationToken.None);
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        return findings;
    }

    private async Task<CorpusFinding> SingleErrorAsync(string rule)
    {
        var findings = await CheckAsync();
        return Assert.Single(findings, f => f.Severity == FindingSeverity.Error && f.Rule == rule);
    }

    private const string Summary = """
        ---
        title: "A fixture summary"
        kind: summary
        reviewed_by: ""
        summary_of: "fixture guidance"
        sources:
          - id: first
            title: "First source"
            publisher: "A publisher"
            url: "https://example.org/first"
            retrieved: 2026-12-01
        ---

        # A fixture summary

        ## What does the fixture say about fixtures? {#fixture-section}

        A fixture passage long enough to stand alone when it is quoted in an answer. [^first]

        """;

    [Fact]
    public async Task The_repository_corpus_has_no_errors()
    {
        var findings = await CorpusChecker.CheckAsync(new Core.Engine.CorpusLayout(RepositoryRoot.Corpus), DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public async Task A_disagreement_naming_a_section_that_does_not_exist_is_an_error()
    {
        _corpus.Write("disagreements.yml", """
            disagreements:
              - id: made-up
                sides:
                  - section: nowhere-one
                  - section: nowhere-two
                note: These differ.
            """);

        var error = await SingleErrorAsync("file-format");

        Assert.Contains("nowhere-one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_passage_without_a_source_is_named_by_file_and_line()
    {
        _corpus.Write("articles/fixture.md", Summary.Replace(" [^first]", string.Empty, StringComparison.Ordinal));

        var error = await SingleErrorAsync("passage-source");

        Assert.Equal(_corpus.PathOf("articles/fixture.md"), error.File);
        Assert.Equal(18, error.Line);
    }

    [Fact]
    public async Task A_marker_naming_an_undeclared_source_is_an_error()
    {
        _corpus.Write("articles/fixture.md", Summary.Replace("[^first]", "[^second]", StringComparison.Ordinal));

        var error = await SingleErrorAsync("passage-source");

        Assert.Contains("[^second]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: summary", "kind: essay", "front-matter")]
    [InlineData("summary_of: \"fixture guidance\"\n", "", "front-matter")]
    [InlineData("reviewed_by: \"\"\n", "", "front-matter")]
    [InlineData("url: \"https://example.org/first\"", "url: \"example.org/first\"", "sources")]
    [InlineData("retrieved: 2026-12-01", "retrieved: 01/12/2026", "sources")]
    [InlineData("retrieved: 2026-12-01", "retrieved: 2027-01-01", "sources")]
    [InlineData("publisher: \"A publisher\"", "publisher: \"\"", "sources")]
    public async Task Front_matter_and_sources_must_be_complete_and_well_formed(string from, string to, string rule)
    {
        _corpus.Write("articles/fixture.md", Summary.Replace(from, to, StringComparison.Ordinal));

        await SingleErrorAsync(rule);
    }

    [Fact]
    public async Task A_declared_source_no_passage_cites_is_a_warning()
    {
        _corpus.Write("articles/fixture.md", Summary.Replace("---\n\n# A", "  - id: unused\n    title: \"Unused\"\n    publisher: \"P\"\n    url: \"https://example.org/u\"\n    retrieved: 2026-12-01\n---\n\n# A", StringComparison.Ordinal));

        var findings = await CheckAsync();

        Assert.Contains(findings, f => f.Severity == FindingSeverity.Warning && f.Rule == "sources" && f.Message.Contains("'unused'", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public async Task A_section_id_used_twice_across_articles_is_an_error()
    {
        _corpus.Write("articles/fixture.md", Summary.Replace("{#fixture-section}", "{#prevention}", StringComparison.Ordinal));

        var error = await SingleErrorAsync("duplicate-section-id");

        Assert.Contains("'prevention'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intent_listing_a_missing_section_and_a_section_no_intent_lists_are_both_reported()
    {
        _corpus.Write("articles/fixture.md", Summary);
        _corpus.Edit("intents.yml", text => text.Replace("sections: [prevention", "sections: [no-such-section, prevention", StringComparison.Ordinal));

        var findings = await CheckAsync();

        Assert.Contains(findings, f => f.Severity == FindingSeverity.Error && f.Rule == "intent-sections" && f.Message.Contains("'no-such-section'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Warning && f.Rule == "orphan-section" && f.Message.Contains("'fixture-section'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_intent_that_narrows_an_intent_that_does_not_exist_is_an_error()
    {
        _corpus.Edit("intents.yml", text => text.Replace("sections: [prevention", "narrows: [no_such_intent]\n    sections: [prevention", StringComparison.Ordinal));

        var error = await SingleErrorAsync("intent-narrows");

        Assert.Contains("'no_such_intent'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passage_too_short_or_too_long_is_an_error_in_a_summary()
    {
        var longPassage = string.Join(' ', Enumerable.Repeat("word", CorpusCheckLimits.MaxSummaryPassageWords + 1));
        _corpus.Write("articles/fixture.md", Summary + "\nToo short here. [^first]\n\n" + longPassage + " [^first]\n");

        var findings = await CheckAsync();

        Assert.Equal(2, findings.Count(f => f.Severity == FindingSeverity.Error && f.Rule == "passage-length"));
    }

    [Fact]
    public async Task The_same_passage_in_two_articles_is_an_error()
    {
        _corpus.Write("articles/fixture.md", Summary);
        _corpus.Write("articles/fixture-copy.md", Summary.Replace("{#fixture-section}", "{#fixture-copy}", StringComparison.Ordinal).Replace("A fixture summary", "Another", StringComparison.Ordinal));

        var error = await SingleErrorAsync("duplicate-passage");

        Assert.Contains("the same passage as", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intent_examples_for_an_intent_that_does_not_exist_are_an_error()
    {
        _corpus.Write("intent-examples.yml", "examples:\n  no_such_intent: [hello there]\n");

        await SingleErrorAsync("file-format");
    }

    [Fact]
    public async Task A_mistake_in_the_safety_signs_of_other_languages_is_an_error_named_by_that_file()
    {
        _corpus.Write("safety-languages.yml", "urgent:\n  - {name: a-spanish, covers: x, phrases: [morir]}\n");

        var error = await SingleErrorAsync("file-format");

        Assert.Equal(_corpus.PathOf("safety-languages.yml"), error.File);
        Assert.Contains("'urgent' is not a tier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synonym_group_for_a_word_the_corpus_never_uses_is_a_warning()
    {
        _corpus.Edit("synonyms.txt", text => text + "\nzzyzx, zzyzxes\n");

        var findings = await CheckAsync();

        Assert.Contains(findings, f => f.Rule == "synonym-target" && f.Message.Contains("'zzyzx'", StringComparison.Ordinal));
    }
}

using SkinBot.Core.Corpus;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Answers;

/// <summary>When SkinBot's sources differ (corpus/disagreements.yml), an answer quoting one side quotes the others and says so (issue 11).</summary>
public sealed class SourceDisagreementTests
{
    private static async Task<Conversation> ChatAsync() =>
        new(KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_question_about_peels_hears_both_sources_and_that_they_differ()
    {
        await (await ChatAsync())
            .Send("do chemical peels actually work on my pitted acne scars?? thx")
            .Assert(a => a.Passages.Any(p => p.SectionId == "treatments-in-office" && p.LeadTerm == "Chemical peels"), "the magazine article's view is quoted")
            .Assert(a => a.Passages.Any(p => p.SectionId == "chemical-peels-by-scar-type"), "the review's view is quoted too")
            .Assert(a => a.Passages.Select(p => p.Source.Url).Distinct().Count() >= 2, "each view cites its own source")
            .Assert(a => a.Message?.Contains("don't fully agree", StringComparison.Ordinal) == true, "the answer says the sources differ")
            .AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task An_answer_that_touches_no_disputed_passage_carries_no_such_note()
    {
        await (await ChatAsync())
            .Send("what are boxcar scars?")
            .Assert(a => a.Message?.Contains("don't fully agree", StringComparison.Ordinal) != true, "no note where nothing disputed is quoted")
            .RunAsync();
    }

    [Fact]
    public void A_side_that_names_no_passage_fails_the_build_by_name()
    {
        var passages = new[] { Passage("a", "treatments", "Peels") };
        const string yaml = """
            disagreements:
              - id: peels
                sides:
                  - section: treatments
                    lead: Peels
                  - section: no-such-section
                note: They differ.
            """;

        var error = Assert.Throws<CorpusFormatException>(() => SourceDisagreements.Parse(yaml, "disagreements.yml", passages));

        Assert.Contains("no-such-section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disagreement_with_one_side_or_no_note_is_refused()
    {
        const string yaml = """
            disagreements:
              - id: lonely
                sides:
                  - section: treatments
                note: ""
            """;

        Assert.Throws<CorpusFormatException>(() => SourceDisagreements.Parse(yaml, "disagreements.yml", [Passage("a", "treatments", null)]));
    }

    private static Passage Passage(string id, string section, string? lead) =>
        new(id, 0, "article", new SourceInfo("An article", null, null, null), [section], ["Heading"], lead, "text", BlockKind.Bullet);
}

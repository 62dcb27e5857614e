using SkinBot.Core.Answers;
using SkinBot.Core.Corpus;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Answers;

/// <summary>
/// Answers from a corpus of several articles: each quoted passage cites its own source, and says honestly whether it
/// quotes the seed article's dermatologist or is SkinBot's summary of public guidance (issue 11).
/// </summary>
public sealed class MultiSourceAnswerTests
{
    private static async Task<Conversation> ChatAsync() =>
        new(KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_summary_passage_cites_its_own_source_and_says_it_is_a_summary()
    {
        await (await ChatAsync())
            .Send("my acne left flat red marks, are those scars?? will they ever fade")
            .AssertIntent("marks_vs_pits")
            .Assert(a => a.Passages.Count > 0 && a.Passages.All(p => p.Source.Kind == TextKind.Summary && p.Source.Url is not null), "every passage cites a summarised source with its address")
            .Assert(a => a.Passages.All(p => AnswerTextRenderer.Citation(p).Contains("summarised in SkinBot's words", StringComparison.Ordinal)), "citations say the text is SkinBot's summary")
            .Assert(a => a.Passages.All(p => !p.Text.Contains("[^", StringComparison.Ordinal)), "source markers never show in the text")
            .AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task A_seed_article_passage_is_cited_as_quoting_its_dermatologist()
    {
        await (await ChatAsync())
            .Send("what are boxcar scars?")
            .Assert(a => a.Passages.Count > 0 && AnswerTextRenderer.Citation(a.Passages[0]).Contains("quoting Rachel Maiman, MD", StringComparison.Ordinal), "the seed article is quoted, with its expert named")
            .Assert(a => a.Passages[0].Source.Kind == TextKind.QuotedArticle, "the seed article is a quoted article")
            .RunAsync();
    }

    [Fact]
    public async Task A_passage_resting_on_two_sources_names_both()
    {
        await (await ChatAsync())
            .Send("do red marks from acne go away?")
            .Assert(
                a => a.Passages.Any(p => p.Source.AlsoCited.Count > 0 && AnswerTextRenderer.Citation(p).Contains("; also ", StringComparison.Ordinal)),
                "a passage with two sources cites the second as well")
            .RunAsync();
    }

    [Theory]
    [InlineData("is tretinoin for my pitted scars ok while I'm pregnant?", "topical-retinoids-pregnancy")]
    [InlineData("how long after accutane can i get laser for my acne scars?", "isotretinoin-timing")]
    public async Task A_retinoid_question_about_pregnancy_or_timing_is_answered_with_its_warning(string question, string section)
    {
        await (await ChatAsync())
            .Send(question)
            .Assert(a => a.Passages.Take(2).Any(p => p.SectionId == section), $"one of the first two passages is from {section}")
            .AssertCaveat()
            .RunAsync();
    }
}

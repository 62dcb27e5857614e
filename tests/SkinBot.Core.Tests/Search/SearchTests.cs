using SkinBot.Core.Chat;
using SkinBot.Core.Search;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Search;

/// <summary>Ranked retrieval over the real corpus: other spellings and one-letter typos find the same passage.</summary>
public sealed class SearchTests
{
    private static async Task<IReadOnlyList<ScoredPassage>> SearchAsync(string text, int max = 3)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var knowledge = lease.Knowledge;
        return knowledge.Index.Search(knowledge.Analyzer.Terms(knowledge.Spelling.Correct(text)), null, max);
    }

    private static async Task<string> TopIdAsync(string text) => Assert.IsType<ScoredPassage>((await SearchAsync(text)).FirstOrDefault()).Passage.Id;

    [Theory]
    [InlineData("box car scars", "boxcar scars")]
    [InlineData("icepick scars", "ice pick scars")]
    [InlineData("ice-pick", "ice pick")]
    [InlineData("pock marks", "pockmarks")]
    [InlineData("dermaroller", "dermarolling")]
    [InlineData("derma roller at home", "dermarolling at home")]
    [InlineData("vit c", "vitamin c")]
    [InlineData("tretinoin", "prescription retinoids")]
    [InlineData("glycolic acid", "alpha hydroxy acids")]
    [InlineData("dermabrasoin", "dermabrasion")]
    public async Task Another_spelling_retrieves_the_same_top_passage_as_the_canonical_one(string spelling, string canonical)
    {
        var expected = await SearchAsync(canonical);
        var actual = await SearchAsync(spelling);

        Assert.NotEmpty(expected);
        Assert.Equal(expected[0].Passage.Id, actual[0].Passage.Id);
    }

    [Theory]
    [InlineData("box car", "Boxcar scars")]
    [InlineData("icepick", "Ice pick scars")]
    [InlineData("dermaroller", "Dermarolling")]
    [InlineData("vit c", "Vitamin C")]
    [InlineData("subcision", "Subcision")]
    [InlineData("rf microneedling", "Microneedling with radiofrequency")]
    [InlineData("chemical peel", "Chemical peels")]
    [InlineData("fraxel", "Laser")]
    public async Task A_named_thing_finds_its_own_passage_among_the_first(string text, string lead)
    {
        // Several articles discuss the same treatments, so the seed article's own bullet need not be first: it must be
        // among the first ten (a named treatment's answer looks its passage up by name, not by this ranking). Without
        // the synonym or the correction, it would not be found at all.
        var hits = await SearchAsync(text, max: 10);

        Assert.Contains(lead, hits.Select(h => h.Passage.LeadTerm));
    }

    [Theory]
    [InlineData("subcison", "Subcision")]
    [InlineData("retinl", "Retinol")]
    [InlineData("boxcr", "Boxcar scars")]
    [InlineData("lazer", "Laser")]
    [InlineData("rollign scars", "Rolling scars")]
    public async Task A_one_letter_typo_in_a_name_still_finds_its_passage(string typo, string lead)
    {
        var hits = await SearchAsync(typo, max: 10);

        Assert.Contains(lead, hits.Select(h => h.Passage.LeadTerm));
    }

    [Theory]
    [InlineData("does vit c help pockmarks?", "does vitamin c help pockmarks?")]
    [InlineData("is a derma roller worth it for pock marks", "is dermarolling worth it for pockmarks")]
    [InlineData("what are box car scars", "what are boxcar scars")]
    [InlineData("what are icepick scars", "what are ice pick scars")]
    public async Task Spellings_get_the_same_answer_from_the_engine(string spelling, string canonical)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var expected = await engine.AnswerAsync(new ChatRequest(Platforms.Cli, "a", "u", canonical), CancellationToken.None);
        var actual = await engine.AnswerAsync(new ChatRequest(Platforms.Cli, "b", "u", spelling), CancellationToken.None);

        Assert.Equal(expected.Intent, actual.Intent);
        Assert.Equal(expected.Passages.Select(p => p.Id).FirstOrDefault(), actual.Passages.Select(p => p.Id).FirstOrDefault());
    }

    [Fact]
    public async Task Filtering_by_section_returns_every_passage_of_the_section_even_without_matching_words()
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();

        var hits = lease.Knowledge.Index.Search(["unrelatedword"], ["treatments-in-office"], 50);

        Assert.Equal(6, hits.Count);
        Assert.All(hits, h => Assert.Equal("treatments-in-office", h.Passage.SectionId));
        Assert.Equal(hits.OrderBy(h => h.Passage.Ordinal).Select(h => h.Passage.Id), hits.Select(h => h.Passage.Id));
    }

    [Fact]
    public async Task Within_a_section_the_matching_passage_ranks_first()
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var knowledge = lease.Knowledge;

        var hits = knowledge.Index.Search(knowledge.Analyzer.Terms("subcision"), ["treatments-in-office", "treatments-at-home"], 50);

        Assert.Equal("Subcision", hits[0].Passage.LeadTerm);
        Assert.Equal(11, hits.Count);
    }

    [Fact]
    public async Task No_terms_and_no_section_find_nothing()
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();

        Assert.Empty(lease.Knowledge.Index.Search([], null, 5));
    }

    [Fact]
    public async Task Asking_for_more_hits_than_passages_is_safe()
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var knowledge = lease.Knowledge;

        var hits = knowledge.Index.Search(knowledge.Analyzer.Terms("pockmarks scars acne collagen"), null, int.MaxValue);

        Assert.InRange(hits.Count, 1, knowledge.Passages.Count);
    }

    [Theory]
    [InlineData("about")]
    [InlineData("laser")]
    [InlineData("pimples")]
    [InlineData("sunscreen")]
    public void The_spelling_corrector_leaves_known_words_alone(string word)
    {
        var corrector = new SpellingCorrector(["pimples", "sunscreen"], ["laser", "lasers", "subcision"]);

        Assert.Equal(word, corrector.Correct(word));
    }

    [Theory]
    [InlineData("subcison", "subcision")]
    [InlineData("subcisoin", "subcision")]
    [InlineData("Lazer treatment", "laser treatment")]
    [InlineData("lasre", "laser")]
    public void The_spelling_corrector_fixes_one_edit_into_a_domain_term(string typo, string corrected)
    {
        var corrector = new SpellingCorrector(["treatment"], ["laser", "subcision"]);

        Assert.Equal(corrected, corrector.Correct(typo));
    }

    [Theory]
    [InlineData("lsr")]
    [InlineData("subscriptions")]
    [InlineData("laserxx")]
    public void The_spelling_corrector_does_not_stretch_short_or_distant_words_into_names(string word)
    {
        var corrector = new SpellingCorrector([], ["laser", "subcision"]);

        Assert.Equal(word, corrector.Correct(word));
    }
}

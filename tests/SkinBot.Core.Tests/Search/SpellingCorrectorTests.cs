using SkinBot.Core.Search;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Search;

/// <summary>Only words that are not English are corrected; typos in domain names still are.</summary>
public sealed class SpellingCorrectorTests
{
    // Domain terms one edit away from the English words that used to be "corrected" into them.
    private static readonly string[] DomainTerms = ["peels", "others", "flare", "laser", "lasers", "subcision", "retinol", "peeling"];

    [Theory]
    [InlineData("feels")]
    [InlineData("bothers")]
    [InlineData("flake")]
    [InlineData("flakes")]
    [InlineData("peeled")]
    [InlineData("laser")]
    [InlineData("Feels")]
    [InlineData("it feels rough and bothers me, the skin flakes")]
    public void English_words_are_never_corrected(string text)
    {
        var corrector = new SpellingCorrector([], DomainTerms);

        Assert.Equal(text, corrector.Correct(text));
    }

    [Theory]
    [InlineData("subcison", "subcision")]
    [InlineData("retinl", "retinol")]
    [InlineData("lazer", "laser")]
    [InlineData("does lazer help", "does laser help")]
    public void Typos_that_are_not_english_are_still_corrected(string typo, string corrected)
    {
        var corrector = new SpellingCorrector([], DomainTerms);

        Assert.Equal(corrected, corrector.Correct(typo));
    }

    [Theory]
    [InlineData("feels", "feels")]
    [InlineData("bothers", "bothers")]
    [InlineData("flake", "flake")]
    [InlineData("flakes", "flakes")]
    [InlineData("peeled", "peeled")]
    [InlineData("laser", "laser")]
    [InlineData("subcison", "subcision")]
    [InlineData("retinl", "retinol")]
    [InlineData("lazer", "laser")]
    public async Task The_real_knowledge_base_corrects_typos_and_leaves_english_words_alone(string word, string expected)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();

        Assert.Equal(expected, lease.Knowledge.Spelling.Correct(word));
    }

    [Theory]
    [InlineData("retinl", "retinol")]
    [InlineData("lasre", "laser")]
    [InlineData("lazers", "lasers")]
    [InlineData("peelss", "peels")]
    public void A_changed_letter_beats_a_dropped_one_which_beats_an_extra_one(string typo, string corrected)
    {
        var corrector = new SpellingCorrector([], ["retin", "retinol", "laser", "lasers", "peels", "peel"]);

        Assert.Equal(corrected, corrector.Correct(typo));
    }

    [Theory]
    [InlineData("retinol at night, retinol in the morning, retinal once", "retinol")]
    [InlineData("retinal at night, retinal in the morning, retinol once", "retinal")]
    public void Between_equally_likely_typos_the_term_the_texts_use_more_wins(string texts, string corrected)
    {
        var corrector = new SpellingCorrector([texts], ["retinal", "retinol"]);

        Assert.Equal(corrected, corrector.Correct("retinl"));
    }

    [Fact]
    public void The_english_list_is_lower_case_letters_without_duplicates_or_possessives()
    {
        var words = EnglishWords.Load();

        Assert.InRange(words.Count, 70_000, 80_000);
        Assert.All(words, w => Assert.True(w.All(char.IsAsciiLetterLower), w));
        Assert.Contains("feels", words);
        Assert.DoesNotContain("lazer", words);
        Assert.DoesNotContain("subcision", words);
    }
}

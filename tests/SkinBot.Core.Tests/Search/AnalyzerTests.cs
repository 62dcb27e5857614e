using SkinBot.Core.Search;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Search;

/// <summary>
/// The analyzer with the repository's synonyms.txt, tested by its token streams: spellings of one thing meet
/// on one term, and stop words go after stemming.
/// </summary>
public sealed class AnalyzerTests
{
    private static readonly SkinBotAnalyzer Analyzer =
        new(SynonymLoader.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "synonyms.txt"))));

    [Fact]
    public void Box_car_scars_analyses_to_boxcar_and_scar()
    {
        Assert.Equal(["boxcar", "scar"], Analyzer.Terms("box car scars"));
    }

    [Theory]
    [InlineData("box car")]
    [InlineData("box-car")]
    [InlineData("Box Cars")]
    [InlineData("BOXCAR")]
    public void Spellings_of_boxcar_meet_on_one_term(string spelling)
    {
        Assert.Equal(["boxcar"], Analyzer.Terms(spelling));
    }

    [Theory]
    [InlineData("icepick")]
    [InlineData("ice-pick")]
    [InlineData("ice pick")]
    [InlineData("Ice Picks")]
    public void Icepick_ice_pick_and_ice_hyphen_pick_are_the_same_term(string spelling)
    {
        Assert.Equal(Analyzer.Terms("icepick"), Analyzer.Terms(spelling));
        Assert.Single(Analyzer.Terms(spelling));
    }

    [Theory]
    [InlineData("pock marks")]
    [InlineData("pock-mark")]
    [InlineData("pockmarks")]
    [InlineData("pitted scars")]
    [InlineData("acne scar")]
    [InlineData("divots")]
    public void Words_for_a_pockmark_become_pockmark(string spelling)
    {
        Assert.Equal(["pockmark"], Analyzer.Terms(spelling));
    }

    [Theory]
    [InlineData("vit c")]
    [InlineData("vitc")]
    [InlineData("Vitamin-C")]
    [InlineData("ascorbic acid")]
    public void Vit_c_analyses_like_vitamin_c(string spelling)
    {
        Assert.Equal(Analyzer.Terms("vitamin c"), Analyzer.Terms(spelling));
    }

    [Theory]
    [InlineData("dermaroller")]
    [InlineData("derma roller")]
    [InlineData("derma-roller")]
    [InlineData("dermarollers")]
    public void Dermaroller_analyses_like_dermarolling(string spelling)
    {
        Assert.Equal(Analyzer.Terms("dermarolling"), Analyzer.Terms(spelling));
    }

    [Theory]
    [InlineData("over the counter", "drugstore")]
    [InlineData("AHA", "glycolic acid")]
    [InlineData("tretinoin", "prescription retinoid")]
    [InlineData("chicken pox", "chickenpox")]
    [InlineData("zits", "pimples")]
    [InlineData("sunblock", "sunscreen")]
    [InlineData("subscision", "subcision")]
    [InlineData("lasers", "laser resurfacing")]
    public void Synonym_groups_from_the_data_file_apply(string one, string other)
    {
        Assert.Equal(Analyzer.Terms(one), Analyzer.Terms(other));
    }

    [Fact]
    public void Stop_words_are_removed_even_in_their_stemmed_form()
    {
        // "was" stems to "wa" and "this" to "thi": the stop list must be stemmed too, or these would survive.
        Assert.Equal(["scar"], Analyzer.Terms("this was the scar"));
        Assert.Empty(Analyzer.Terms("is it a the and of was this"));
    }

    [Fact]
    public void Terms_are_lower_cased_stemmed_and_folded()
    {
        Assert.Equal(["treatment", "creme", "help"], Analyzer.Terms("Treatments Crème helps"));
    }

    [Fact]
    public void Possessives_are_removed()
    {
        Assert.Equal(Analyzer.Terms("doctor"), Analyzer.Terms("doctor's"));
    }

    [Fact]
    public void Without_synonyms_the_analyzer_still_stems_and_drops_stop_words()
    {
        using var plain = new SkinBotAnalyzer(null);

        Assert.Equal(["box", "car", "scar"], plain.Terms("the box cars scars"));
    }

    [Theory]
    [InlineData("a => \n")]
    [InlineData("a => b => c\n")]
    [InlineData(", ,\n")]
    public void A_broken_synonym_file_is_a_format_error_naming_the_file(string text)
    {
        var error = Assert.Throws<SkinBot.Core.Corpus.CorpusFormatException>(() => SynonymLoader.Parse(text, "corpus/synonyms.txt"));

        Assert.Equal("corpus/synonyms.txt", error.FilePath);
    }
}

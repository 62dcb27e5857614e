using SkinBot.Core.Search;

namespace SkinBot.Core.Tests.Search;

/// <summary>The synonym filter's matching rules, on a small rule set written for each case.</summary>
public sealed class SynonymFilterTests
{
    private static SkinBotAnalyzer With(string rules) => new(SynonymLoader.Parse(rules));

    [Fact]
    public void The_longest_spelling_wins_over_a_shorter_one_with_the_same_first_word()
    {
        using var analyzer = With("icepick, ice pick\nice cream, gelato\n");

        Assert.Equal(["icepick", "scar"], analyzer.Terms("ice pick scars"));
        Assert.Equal(["ic", "cream"], analyzer.Terms("gelato"));
    }

    [Fact]
    public void A_multi_word_canonical_spelling_is_consumed_whole_before_its_parts_can_match()
    {
        using var analyzer = With("prescription retinoid, retinoid, tretinoin\n");

        Assert.Equal(["prescript", "retinoid"], analyzer.Terms("prescription retinoid"));
        Assert.Equal(["prescript", "retinoid"], analyzer.Terms("tretinoin"));
    }

    [Fact]
    public void A_partial_match_at_the_end_of_the_text_leaves_the_words_as_they_were()
    {
        using var analyzer = With("aha, alpha hydroxy acid\n");

        Assert.Equal(["alpha", "hydroxi"], analyzer.Terms("alpha hydroxy"));
        Assert.Equal(["aha", "peel"], analyzer.Terms("alpha hydroxy acid peel"));
    }

    [Fact]
    public void Words_read_ahead_for_a_failed_match_are_still_rewritten_themselves()
    {
        using var analyzer = With("bct, box car truck\ncarseat, car seat\n");

        // "box" starts a three-word rule that fails on "seat"; "car seat", read ahead meanwhile, still matches.
        Assert.Equal(["box", "carseat"], analyzer.Terms("box car seat"));
    }

    [Fact]
    public void An_explicit_mapping_rewrites_only_its_left_hand_side()
    {
        using var analyzer = With("dermarolling, derma roller => microneedling\n");

        Assert.Equal(["microneedl"], analyzer.Terms("derma roller"));
        Assert.Equal(["microneedl"], analyzer.Terms("microneedling"));
    }

    [Fact]
    public void The_same_analyzer_gives_the_same_terms_on_reuse()
    {
        using var analyzer = With("boxcar, box car\n");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(["boxcar", "boxcar"], analyzer.Terms("box car box car"));
        }
    }
}

using SkinBot.Core.Corpus;
using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Core.Safety;

namespace SkinBot.Core.Tests.Safety;

/// <summary>
/// The crisis screen by meaning: a clause close to a crisis example, and closer to it than to any look-alike, is a
/// crisis even when it shares no phrase with a sign. Uses the shipped word vectors, as the bot does.
/// </summary>
public sealed class CrisisLikenessTests
{
    private static readonly string[] CrisisExamples =
    [
        "i just want to go to sleep and not wake up",
        "everyone would be better off without me",
        "i've been saving up my pills instead of taking them",
    ];

    private static readonly string[] LookAlikes =
    [
        "i hope i dont wake up with a new breakout",
        "which serum is better for rolling scars",
        "how long does redness last after a peel",
    ];

    private static readonly Lazy<CrisisLikeness> Screen = new(() => new CrisisLikeness(WordVectors.Embedded, CrisisExamples, LookAlikes));

    [Theory]
    [InlineData("i want to go to sleep and stay asleep", "i just want to go to sleep and not wake up")]
    [InlineData("my family would be better off if i was gone", "everyone would be better off without me")]
    [InlineData("i have been keeping my tablets in a jar instead of taking them", "i've been saving up my pills instead of taking them")]
    public void A_clause_that_means_a_crisis_example_is_found_and_names_that_example(string message, string example)
    {
        var match = Screen.Value.Find(message);

        Assert.NotNull(match);
        Assert.Equal(example, match.Example);
        Assert.True(match.Margin >= CrisisLikenessTuning.Default.MinimumMargin, $"margin {match.Margin}");
    }

    [Fact]
    public void The_serious_clause_is_found_inside_a_long_skin_question()
    {
        const string message = "which serum is better for rolling scars, the vitamin c or the retinol? i saved for it. honestly everyone would be better off without me. thanks!!";

        var match = Screen.Value.Find(message);

        Assert.NotNull(match);
        Assert.Equal("honestly everyone would be better off without me", match.Clause);
    }

    [Theory]
    [InlineData("i hope i dont wake up with another breakout tomorrow lol")]
    [InlineData("which cream is better for boxcar scars")]
    [InlineData("does the redness after a chemical peel last long")]
    public void A_clause_closer_to_a_look_alike_or_to_nothing_is_not_a_crisis(string message)
    {
        Assert.Null(Screen.Value.Find(message));
    }

    [Fact]
    public void Clauses_shorter_than_the_minimum_are_never_read()
    {
        const string message = "i just want to go to sleep and not wake up";
        var strict = new CrisisLikeness(WordVectors.Embedded, CrisisExamples, LookAlikes, CrisisLikenessTuning.Default with { MinimumClauseWords = 20 });

        Assert.NotNull(Screen.Value.Find(message));
        Assert.Null(strict.Find(message));
    }

    [Fact]
    public void With_no_crisis_example_nothing_is_found()
    {
        var empty = new CrisisLikeness(WordVectors.Embedded, [], LookAlikes);

        Assert.Null(empty.Find("i just want to go to sleep and not wake up"));
    }

    [Fact]
    public void The_examples_file_needs_a_crisis_example_and_drops_blank_and_repeated_clauses()
    {
        var examples = SafetyExamples.Parse("crisis:\n  - \"i made a plan\"\n  - \"I made a plan\"\n  - \"  \"\nlook_alikes:\n  - \"i made a playlist\"\n");

        Assert.Equal(["i made a plan"], examples.Crisis);
        Assert.Equal(["i made a playlist"], examples.LookAlikes);
        Assert.Throws<CorpusFormatException>(() => SafetyExamples.Parse("look_alikes:\n  - \"i made a playlist\"\n"));
    }
}

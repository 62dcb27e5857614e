using SkinBot.Core.Answers;
using SkinBot.Core.Corpus;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Answers;

/// <summary>The text layout used by the CLI, Discord content and the Teams fallback.</summary>
public sealed class AnswerTextRendererTests
{
    private const string Caveat = "General information, not a diagnosis. See a board-certified dermatologist early.";
    private static readonly SourceInfo Source = new("Yep, You Actually Can Improve Your Pockmarks", "Mag", null, "Rachel Maiman, MD");

    private static AnswerPassage Passage(int i, string text) =>
        new($"a#{i}", text, ["Treatments", "In-office treatments", $"Lead {i}"], $"Lead {i}", Source, 1.0) { SectionId = "treatments-in-office" };

    private static Answer AnswerWith(IReadOnlyList<AnswerPassage> passages, string? message = null, string headline = "Headline") => new()
    {
        Intent = "treatment_in_office",
        Confidence = 0.9,
        Headline = headline,
        Message = message,
        Passages = passages,
        FollowUps = [new FollowUp("Permanence", "Are pockmarks permanent?")],
        Caveat = Caveat,
        CorpusVersion = "abc",
    };

    private static string Words(int length) => string.Concat(Enumerable.Repeat("collagen scar ", (length / 14) + 1))[..length];

    [Fact]
    public void A_short_answer_has_headline_quotes_citation_caveat_and_follow_ups()
    {
        var rendered = AnswerTextRenderer.Render(AnswerWith([Passage(1, "Subcision: break up the cord.")], "Intro."));

        Assert.Equal(
            "**Headline**\nIntro.\n\n> Subcision: break up the cord.\n— Yep, You Actually Can Improve Your Pockmarks (Mag), quoting Rachel Maiman, MD · In-office treatments › Lead 1\n\n⚕️ " + Caveat + "\n\nYou could also ask: Are pockmarks permanent?",
            rendered);
    }

    [Theory]
    [InlineData(1, 5_000)]
    [InlineData(3, 3_000)]
    [InlineData(6, 1_500)]
    [InlineData(20, 400)]
    [InlineData(2, 100_000)]
    public void Huge_passages_are_cut_to_fit_and_the_caveat_is_kept(int count, int length)
    {
        var answer = AnswerWith([.. Enumerable.Range(1, count).Select(i => Passage(i, Words(length)))]);

        var rendered = AnswerTextRenderer.Render(answer);

        Assert.InRange(rendered.Length, 1, AnswerTextRenderer.DefaultMaxLength);
        Assert.Contains(Caveat, rendered, StringComparison.Ordinal);
        Assert.Contains("> collagen scar", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Passages_are_dropped_from_the_end_before_any_is_trimmed()
    {
        var answer = AnswerWith([Passage(1, "First " + Words(700)), Passage(2, "Second " + Words(700)), Passage(3, "Third " + Words(700))]);

        var rendered = AnswerTextRenderer.Render(answer);

        Assert.Contains("First", rendered, StringComparison.Ordinal);
        Assert.Contains("Second", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("Third", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trimmed_passage_ends_with_an_ellipsis_at_a_word_boundary()
    {
        var rendered = AnswerTextRenderer.Render(AnswerWith([Passage(1, Words(5_000))]));

        var quote = rendered.Split('\n').Single(l => l.StartsWith("> ", StringComparison.Ordinal));
        Assert.EndsWith("…", quote, StringComparison.Ordinal);
        Assert.Matches(@"(collagen|scar)…$", quote);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(4096)]
    public void Other_limits_are_honoured(int limit)
    {
        var answer = AnswerWith([.. Enumerable.Range(1, 5).Select(i => Passage(i, Words(2_000)))]);

        var rendered = AnswerTextRenderer.Render(answer, limit);

        Assert.InRange(rendered.Length, 1, limit);
        Assert.Contains(Caveat, rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void A_huge_message_is_cut_but_the_caveat_is_kept(int passages)
    {
        var answer = AnswerWith([.. Enumerable.Range(1, passages).Select(i => Passage(i, Words(300)))], message: "Start " + Words(5_000));

        var rendered = AnswerTextRenderer.Render(answer);

        Assert.InRange(rendered.Length, 1, AnswerTextRenderer.DefaultMaxLength);
        Assert.Contains(Caveat, rendered, StringComparison.Ordinal);
        Assert.Contains("**Headline**\nStart collagen", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_line_passages_are_quoted_line_by_line()
    {
        var rendered = AnswerTextRenderer.Render(AnswerWith([Passage(1, "line one\nline two")]));

        Assert.Contains("> line one\n> line two\n", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_without_caveat_passages_or_follow_ups_is_just_its_headline_and_message()
    {
        var answer = new Answer { Intent = "rate_limited", Confidence = 1, Headline = "Slow down", Message = "Try again in a minute.", CorpusVersion = "x" };

        Assert.Equal("**Slow down**\nTry again in a minute.", AnswerTextRenderer.Render(answer));
    }

    [Fact]
    public void A_citation_without_publisher_or_expert_is_the_title_and_the_last_two_headings()
    {
        var passage = new AnswerPassage("a#1", "t", ["One", "Two", "Three"], null, new SourceInfo("Title", null, null, null), 1);

        Assert.Equal("Title · Two › Three", AnswerTextRenderer.Citation(passage));
    }

    [Fact]
    public void Text_cut_to_its_limit_never_ends_in_half_an_emoji()
    {
        var headline = string.Concat(Enumerable.Repeat("a👍", 200));

        var rendered = AnswerTextRenderer.Render(AnswerWith([], headline: headline) with { Caveat = null, FollowUps = [] }, 101);

        Assert.InRange(rendered.Length, 1, 101);
        Assert.True(TextChecks.IsWellFormed(rendered), rendered);
    }

    [Fact]
    public void A_passage_trimmed_to_fit_keeps_its_accented_letters_whole()
    {
        var passage = string.Concat(Enumerable.Repeat("e\u0301", 600));

        var rendered = AnswerTextRenderer.Render(AnswerWith([Passage(1, passage)]), 500);

        var quote = rendered.Split('\n').Single(l => l.StartsWith("> ", StringComparison.Ordinal));
        Assert.All(TextChecks.TextElements(quote[2..^1]), e => Assert.Equal("e\u0301", e));
    }
}

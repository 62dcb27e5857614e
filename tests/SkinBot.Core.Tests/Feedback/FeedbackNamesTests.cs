using SkinBot.Core.Feedback;

namespace SkinBot.Core.Tests.Feedback;

public sealed class FeedbackNamesTests
{
    [Fact]
    public void An_answer_id_round_trips_and_anything_else_from_a_button_is_refused()
    {
        var id = AnswerId.New();
        Assert.True(AnswerId.TryParse(id.Value, out var parsed));
        Assert.Equal(id, parsed);
        Assert.False(AnswerId.TryParse("not-an-id", out _));
        Assert.False(AnswerId.TryParse(id.Value.ToUpperInvariant(), out _));
        Assert.False(AnswerId.TryParse(null, out _));
    }

    [Fact]
    public void Votes_and_reasons_read_back_what_they_write()
    {
        foreach (var vote in new[] { Vote.Up, Vote.Down })
        {
            Assert.True(VoteNames.TryParse(vote.ToName(), out var read));
            Assert.Equal(vote, read);
        }

        foreach (var reason in VoteReasonNames.Choices)
        {
            Assert.Equal(reason, VoteReasonNames.Parse(reason.ToName()));
        }

        Assert.False(VoteNames.TryParse("sideways", out _));
        Assert.Equal(VoteReason.None, VoteReasonNames.Parse("<script>"));
    }
}

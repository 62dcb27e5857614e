using SkinBot.Core.Answers;
using SkinBot.Core.Domain;
using SkinBot.Core.Feedback;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

public sealed class VoteButtonTests
{
    private static Answer Recorded(int followUps, AnswerId? id) => new()
    {
        Intent = "treatments",
        Confidence = 0.8,
        Headline = "Treatments for rolling scars",
        Passages = [new AnswerPassage("p0", "Subcision releases the bands.", ["Treatments"], "Subcision", DiscordEngine.Source, 1)],
        FollowUps = [.. Enumerable.Range(0, followUps).Select(i => new FollowUp($"Question {i}", $"What about option {i}?"))],
        Caveat = DiscordEngine.Caveat,
        CorpusVersion = "v1",
        Id = id,
    };

    [Fact]
    public void A_recorded_answer_ends_with_a_helpful_and_a_not_helpful_button_carrying_its_id()
    {
        var id = AnswerId.New();

        var rows = AnswerRenderer.RenderEmbed(Recorded(followUps: 2, id)).Components;

        var votes = rows[^1].Components;
        Assert.Equal(2, rows.Count);
        Assert.Equal([(id, Vote.Up), (id, Vote.Down)], votes.Select(button => VoteCustomId.TryParse(button.CustomId)!.Value));
    }

    [Fact]
    public void With_many_follow_ups_the_vote_row_still_fits_and_the_rest_are_listed_in_the_text()
    {
        var message = AnswerRenderer.RenderEmbed(Recorded(followUps: 30, AnswerId.New()));

        Assert.Equal(5, message.Components.Count);
        Assert.NotNull(VoteCustomId.TryParse(message.Components[^1].Components[0].CustomId));
        Assert.Contains("You could also ask", message.Embeds[0].Fields![0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecorded_answers_and_go_to_care_replies_get_no_vote_buttons()
    {
        var unrecorded = AnswerRenderer.RenderEmbed(Recorded(followUps: 1, id: null));
        var urgent = AnswerRenderer.RenderEmbed(Recorded(followUps: 1, AnswerId.New()) with { Urgency = Urgency.Emergency });

        Assert.All(unrecorded.Components.Concat(urgent.Components).SelectMany(row => row.Components), button => Assert.Null(VoteCustomId.TryParse(button.CustomId)));
    }

    [Theory]
    [InlineData("fb:up:not-an-id")]
    [InlineData("fb:sideways:0123456789abcdef0123456789abcdef")]
    [InlineData("fu:What about option 1?")]
    public void A_pressed_id_that_is_not_a_vote_is_refused(string customId) =>
        Assert.Null(VoteCustomId.TryParse(customId));
}

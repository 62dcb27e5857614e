using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Feedback;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Fakes;

namespace SkinBot.Discord.Tests;

/// <summary>👍 / 👎 presses and the 👎 reason form, through POST /discord/interactions as Discord sends them.</summary>
public sealed class VoteInteractionTests : IAsyncLifetime
{
    private readonly InteractionSigner _signer = new();
    private readonly RecordingFeedback _votes = new();
    private readonly AnswerId _answer = AnswerId.New();
    private BotHost _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotHost.StartAsync(BotHost.Settings(discord: null, _signer.PublicKeyHex, withToken: false), services: s => s.AddSingleton<IFeedbackVotes>(_votes));

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task A_thumbs_up_press_is_counted_at_once_and_acknowledged_only_to_the_voter()
    {
        var json = await PostAsync(Payloads.ButtonPress(VoteCustomId.Create(_answer, Vote.Up)));

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("First up", json.GetProperty("data").GetProperty("content").GetString());
        var ballot = Assert.Single(_votes.Ballots);
        Assert.Equal((_answer, Vote.Up, Payloads.UserId), (ballot.Answer, ballot.Vote, ballot.UserId));
    }

    [Fact]
    public async Task A_thumbs_down_press_opens_a_reason_form_and_counts_nothing_yet()
    {
        var json = await PostAsync(Payloads.ButtonPress(VoteCustomId.Create(_answer, Vote.Down)));

        Assert.Equal(InteractionCallbackType.Modal, json.GetProperty("type").GetInt32());
        var modal = json.GetProperty("data");
        Assert.Equal("fbr:" + _answer.Value, modal.GetProperty("custom_id").GetString());
        Assert.InRange(modal.GetProperty("title").GetString()!.Length, 1, 45);
        var fields = modal.GetProperty("components");
        Assert.All(fields.EnumerateArray(), field => Assert.Equal(18, field.GetProperty("type").GetInt32()));

        var select = fields[0].GetProperty("component");
        Assert.Equal(3, select.GetProperty("type").GetInt32());
        Assert.False(select.GetProperty("required").GetBoolean());
        Assert.Equal(
            ["did_not_answer", "wrong", "unclear", "other"],
            select.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("value").GetString()));

        var comment = fields[1].GetProperty("component");
        Assert.Equal(4, comment.GetProperty("type").GetInt32());
        Assert.Equal(VoteReasonModal.MaxCommentLength, comment.GetProperty("max_length").GetInt32());
        Assert.False(comment.GetProperty("required").GetBoolean());
        Assert.Empty(_votes.Ballots);
    }

    [Fact]
    public async Task Sending_the_reason_form_counts_a_thumbs_down_with_its_reason_and_words_ephemerally()
    {
        var json = await PostAsync(Payloads.ModalSubmit("fbr:" + _answer.Value,
        [
            Payloads.SubmittedLabel(Payloads.SubmittedSelect(VoteReasonModal.ReasonFieldId, "wrong")),
            Payloads.SubmittedLabel(Payloads.SubmittedText(VoteReasonModal.CommentFieldId, "  it says lasers at home  ")),
        ]));

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        var ballot = Assert.Single(_votes.Ballots);
        Assert.Equal((_answer, Vote.Down, VoteReason.Wrong, "it says lasers at home"), (ballot.Answer, ballot.Vote, ballot.Reason, ballot.ReasonText));
    }

    [Fact]
    public async Task An_empty_reason_form_is_a_plain_thumbs_down_and_an_unknown_reason_is_no_reason()
    {
        await PostAsync(Payloads.ModalSubmit("fbr:" + _answer.Value, []));
        await PostAsync(Payloads.ModalSubmit("fbr:" + _answer.Value, [Payloads.SubmittedLabel(Payloads.SubmittedSelect(VoteReasonModal.ReasonFieldId, "DROP TABLE"))]));

        Assert.All(_votes.Ballots, ballot => Assert.Equal((Vote.Down, VoteReason.None, (string?)null), (ballot.Vote, ballot.Reason, ballot.ReasonText)));
        Assert.Equal(2, _votes.Ballots.Count);
    }

    [Fact]
    public async Task Words_longer_than_the_form_allows_are_cut_and_the_older_action_row_layout_is_read_too()
    {
        var json = await PostAsync(Payloads.ModalSubmit("fbr:" + _answer.Value,
        [
            new { type = 1, components = new[] { Payloads.SubmittedText(VoteReasonModal.CommentFieldId, new string('a', 1000)) } },
        ]));

        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, json.GetProperty("type").GetInt32());
        Assert.Equal(VoteReasonModal.MaxCommentLength, Assert.Single(_votes.Ballots).ReasonText!.Length);
    }

    [Theory]
    [InlineData("fbr:not-an-answer-id")]
    [InlineData("fb:down:0123456789abcdef0123456789abcdef")]
    public async Task A_form_that_is_not_a_reason_form_for_an_answer_counts_nothing(string customId)
    {
        var json = await PostAsync(Payloads.ModalSubmit(customId, [Payloads.SubmittedLabel(Payloads.SubmittedSelect(VoteReasonModal.ReasonFieldId, "wrong"))]));

        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(_votes.Ballots);
    }

    [Fact]
    public async Task Pressing_the_same_vote_again_and_then_the_other_one_says_so()
    {
        var first = await PostAsync(Payloads.ButtonPress(VoteCustomId.Create(_answer, Vote.Up)));
        var again = await PostAsync(Payloads.ButtonPress(VoteCustomId.Create(_answer, Vote.Up)));
        var changed = await PostAsync(Payloads.ModalSubmit("fbr:" + _answer.Value, []));

        Assert.Equal(
            ["First up", "Same up", "Changed down"],
            new[] { first, again, changed }.Select(json => json.GetProperty("data").GetProperty("content").GetString()));
    }

    private async Task<JsonElement> PostAsync(Dictionary<string, object?> payload)
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SignedInteractions.JsonAsync(response);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using SkinBot.Core.Feedback;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Tests.Fakes;
using SkinBot.Testing.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>👍 / 👎 on Teams answer cards: the actions on the card, the adaptiveCard/action invoke, and the updated card.</summary>
public sealed class VoteCardTests : IAsyncLifetime
{
    private readonly RecordingFeedback _feedback = new();
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync(feedback: _feedback);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ServiceUrl => _host.Connector.ServiceUrl;

    [Fact]
    public async Task A_substantive_answer_card_offers_helpful_and_a_not_helpful_form_with_reasons_for_that_answer()
    {
        var (card, answerId) = await AskInPersonalChatAsync();

        var votes = VoteActions(card)!;
        var up = votes[0]!;
        Assert.Equal("Action.Execute", up["type"]!.GetValue<string>());
        Assert.Equal("vote", up["verb"]!.GetValue<string>());
        Assert.Equal(answerId.Value, up["data"]!["answerId"]!.GetValue<string>());
        Assert.Equal("up", up["data"]!["vote"]!.GetValue<string>());

        var down = votes[1]!;
        Assert.Equal("Action.ShowCard", down["type"]!.GetValue<string>());
        var form = down["card"]!;
        var reason = form["body"]![0]!;
        Assert.Equal("Input.ChoiceSet", reason["type"]!.GetValue<string>());
        Assert.Equal(["did_not_answer", "wrong", "unclear", "other"], reason["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        var comment = form["body"]![1]!;
        Assert.Equal("Input.Text", comment["type"]!.GetValue<string>());
        Assert.Equal(300, comment["maxLength"]!.GetValue<int>());
        var send = form["actions"]![0]!;
        Assert.Equal(("Action.Execute", "vote", "down"), (send["type"]!.GetValue<string>(), send["verb"]!.GetValue<string>(), send["data"]!["vote"]!.GetValue<string>()));
        Assert.Equal(answerId.Value, send["data"]!["answerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_help_answer_has_no_vote_actions()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, "help"));
        await _host.WhenIdleAsync();

        var card = Assert.Single(_host.Connector.DeliveredMessages).Body["attachments"]![0]!["content"]!;
        Assert.Null(VoteActions(card));
    }

    [Fact]
    public async Task In_a_personal_chat_a_thumbs_up_brings_back_the_same_answer_card_saying_it_was_counted()
    {
        var (_, answerId) = await AskInPersonalChatAsync();

        var body = await VoteAsync(Vote(answerId, "up"));

        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!;
        Assert.Equal("Boxcar scars", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Null(VoteActions(card));
        Assert.Contains("👍 Thanks, counted.", Texts(card));
        var ballot = Assert.Single(_feedback.Ballots);
        Assert.Equal((answerId, Core.Feedback.Vote.Up, TeamsPayloads.UserAadObjectId), (ballot.Answer, ballot.Vote, ballot.UserId));
    }

    [Fact]
    public async Task A_thumbs_down_from_the_form_records_its_reason_and_words()
    {
        var (_, answerId) = await AskInPersonalChatAsync();

        var body = await VoteAsync(Vote(answerId, "down", reason: "unclear", comment: "  too long to read  "));

        Assert.Contains("👎 Thanks, counted.", Texts(body["value"]!));
        var ballot = Assert.Single(_feedback.Ballots);
        Assert.Equal((Core.Feedback.Vote.Down, VoteReason.Unclear, "too long to read"), (ballot.Vote, ballot.Reason, ballot.ReasonText));
    }

    [Fact]
    public async Task Voting_the_same_again_says_already_counted_and_the_other_way_says_changed()
    {
        var (_, answerId) = await AskInPersonalChatAsync();

        await VoteAsync(Vote(answerId, "up"));
        var again = await VoteAsync(Vote(answerId, "up"));
        var changed = await VoteAsync(Vote(answerId, "down"));

        Assert.Contains("👍 Already counted. Thanks!", Texts(again["value"]!));
        Assert.Contains("Changed to 👎. Thanks, counted.", Texts(changed["value"]!));
    }

    [Fact]
    public async Task In_a_channel_the_voter_alone_gets_a_message_and_the_card_keeps_its_buttons_for_everyone_else()
    {
        var (_, answerId) = await AskInPersonalChatAsync();
        var invoke = Vote(answerId, "up");
        invoke["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TeamsPayloads.TenantId, ["id"] = TeamsPayloads.ChannelConversationId };

        var body = await VoteAsync(invoke);

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(RecordingFeedback.Said(VoteChange.First, Core.Feedback.Vote.Up), body["value"]!.GetValue<string>());
        Assert.Single(_feedback.Ballots);
    }

    [Fact]
    public async Task A_vote_on_an_answer_this_replica_did_not_send_is_counted_and_acknowledged_with_a_message()
    {
        var body = await VoteAsync(Vote(AnswerId.New(), "down", reason: "wrong"));

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(VoteReason.Wrong, Assert.Single(_feedback.Ballots).Reason);
    }

    [Theory]
    [InlineData("../etc/passwd", "up")]
    [InlineData("0123456789abcdef0123456789abcdef", "sideways")]
    public async Task A_vote_without_a_real_answer_id_and_vote_is_refused(string answerId, string vote)
    {
        var invoke = TeamsPayloads.CardExecute(ServiceUrl, "vote", string.Empty);
        invoke["value"]!["action"]!["data"] = new JsonObject { ["answerId"] = answerId, ["vote"] = vote };

        var body = await VoteAsync(invoke);

        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Empty(_feedback.Ballots);
    }

    [Fact]
    public async Task Without_feedback_a_vote_is_acknowledged_and_nothing_is_kept()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var invoke = Vote(AnswerId.New(), "up");
        invoke["serviceUrl"] = host.Connector.ServiceUrl;

        using var response = await host.PostAsync(invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(InvokeHandler.VoteOffText, body["value"]!.GetValue<string>());
    }

    private async Task<(JsonNode Card, AnswerId Id)> AskInPersonalChatAsync()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, "what are boxcar scars?"));
        await _host.WhenIdleAsync();
        var card = Assert.Single(_host.Connector.DeliveredMessages).Body["attachments"]![0]!["content"]!;
        return (card, Assert.Single(_feedback.Issued));
    }

    private JsonObject Vote(AnswerId answerId, string vote, string? reason = null, string? comment = null)
    {
        var invoke = TeamsPayloads.CardExecute(ServiceUrl, "vote", string.Empty);
        var data = new JsonObject { ["answerId"] = answerId.Value, ["vote"] = vote };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        if (comment is not null)
        {
            data["comment"] = comment;
        }

        invoke["value"]!["action"]!["data"] = data;
        return invoke;
    }

    private async Task<JsonNode> VoteAsync(JsonObject invoke)
    {
        using var response = await _host.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonArray? VoteActions(JsonNode card) =>
        card["body"]!.AsArray().FirstOrDefault(element => element!["type"]!.GetValue<string>() == "ActionSet")?["actions"]!.AsArray();

    private static IEnumerable<string> Texts(JsonNode card) =>
        card["body"]!.AsArray().Where(element => element!["type"]!.GetValue<string>() == "TextBlock").Select(element => element!["text"]!.GetValue<string>());
}

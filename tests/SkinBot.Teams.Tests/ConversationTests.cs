using System.Net;
using System.Text.Json.Nodes;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Teams.Tests.Fakes;
using SkinBot.Testing.Fakes;

namespace SkinBot.Teams.Tests;

/// <summary>Teams traffic as it really arrives, and what SkinBot does with it.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ServiceUrl => _host.Connector.ServiceUrl;

    [Fact]
    public async Task A_mention_in_a_channel_gets_one_reply_to_the_clean_question()
    {
        using var response = await _host.PostAsync(TeamsPayloads.ChannelMention(ServiceUrl, "<at>SkinBot</at>&nbsp;what are <b>boxcar</b> scars?\r\n"));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = Assert.Single(_host.Engine.Requests);
        Assert.Equal("what are boxcar scars?", request.Text);
        Assert.Equal(Platforms.Teams, request.Platform);
        Assert.Equal(TeamsPayloads.ChannelConversationId, request.ConversationId);
        Assert.Equal(TeamsPayloads.TeamChannelId, request.ChannelId);
        Assert.Equal(TeamsPayloads.UserAadObjectId, request.UserId);
        Assert.Null(request.Command);
        var reply = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal("Boxcar scars", reply.Body["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_bots_own_mention_is_removed_and_other_people_stay_as_plain_names()
    {
        var activity = TeamsPayloads.ChannelMention(ServiceUrl, "<p><at>SkinBot</at> can <at>Alex Kim</at> prevent scars &amp; marks?</p>");
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = "29:1AlexKim", ["name"] = "Alex Kim" },
            ["text"] = "<at>Alex Kim</at>",
        });

        using var response = await _host.PostAsync(activity);
        await _host.WhenIdleAsync();

        Assert.Equal("can Alex Kim prevent scars & marks?", Assert.Single(_host.Engine.Requests).Text);
    }

    [Fact]
    public async Task A_mention_whose_display_name_differs_from_the_bot_name_is_still_stripped_by_id()
    {
        var activity = TeamsPayloads.ChannelMention(ServiceUrl, "<at>Skin Helper</at> prevent");
        activity["entities"]![0]!["text"] = "<at>Skin Helper</at>";
        activity["entities"]![0]!["mentioned"]!["name"] = "Skin Helper";

        using var response = await _host.PostAsync(activity);
        await _host.WhenIdleAsync();

        var request = Assert.Single(_host.Engine.Requests);
        Assert.Equal("prevent", request.Text);
        Assert.Equal(CommandNames.Prevent, request.Command?.Name);
    }

    [Theory]
    [InlineData("scar boxcar", CommandNames.Scar, CommandNames.ScarTypeOption, ScarTypeNames.Boxcar)]
    [InlineData("/scar boxcar", CommandNames.Scar, CommandNames.ScarTypeOption, ScarTypeNames.Boxcar)]
    [InlineData("scar ice pick", CommandNames.Scar, CommandNames.ScarTypeOption, ScarTypeNames.IcePick)]
    [InlineData("treatments at home", CommandNames.Treatments, CommandNames.WhereOption, TreatmentSettingNames.AtHome)]
    [InlineData("prevent", CommandNames.Prevent, null, null)]
    [InlineData("help", CommandNames.Help, null, null)]
    public async Task Typed_commands_in_a_personal_chat_reach_the_engine_as_commands(string typed, string name, string? option, string? value)
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, typed));
        await _host.WhenIdleAsync();

        var request = Assert.Single(_host.Engine.Requests);
        Assert.Equal(name, request.Command?.Name);
        if (option is not null)
        {
            Assert.Equal(value, request.Command!.Option(option));
        }

        Assert.Single(_host.Connector.DeliveredMessages);
    }

    [Fact]
    public async Task A_command_picked_from_the_channel_menu_arrives_with_the_mention_and_works()
    {
        using var response = await _host.PostAsync(TeamsPayloads.ChannelMention(ServiceUrl, "<at>SkinBot</at> treatments at home\n"));
        await _host.WhenIdleAsync();

        var request = Assert.Single(_host.Engine.Requests);
        Assert.Equal(CommandNames.Treatments, request.Command?.Name);
        Assert.Equal(TreatmentSettingNames.AtHome, request.Command!.Option(CommandNames.WhereOption));
    }

    [Fact]
    public async Task A_bare_mention_asks_for_help()
    {
        using var response = await _host.PostAsync(TeamsPayloads.ChannelMention(ServiceUrl, "<at>SkinBot</at>&nbsp;"));
        await _host.WhenIdleAsync();

        Assert.Equal(CommandNames.Help, Assert.Single(_host.Engine.Requests).Command?.Name);
    }

    [Fact]
    public async Task A_personal_message_is_answered_with_a_reply_in_the_chat()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, "Does retinol help?"));
        await _host.WhenIdleAsync();

        Assert.Equal("Does retinol help?", Assert.Single(_host.Engine.Requests).Text);
        var reply = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Contains("/v3/conversations/a%3A1Xh3sWq9fBdM0c-7kQ2zT8uYpLrN5vE6gJ4oA1iK/activities/1700000000456", reply.RawTarget, StringComparison.Ordinal);
        Assert.Equal("Treatments you can try at home", reply.Body["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_action_submit_follow_up_is_answered_from_the_card_data()
    {
        using var response = await _host.PostAsync(TeamsPayloads.SubmitAction(ServiceUrl, "how are boxcar scars treated?"));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("how are boxcar scars treated?", Assert.Single(_host.Engine.Requests).Text);
        var reply = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal("1700000000789", reply.Body["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Installing_the_bot_in_a_team_sends_exactly_one_welcome()
    {
        var installed = TeamsPayloads.BotInstalledInTeam(ServiceUrl);
        using var first = await _host.PostAsync(installed);
        using var redelivered = await _host.PostAsync(installed);
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var welcome = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Equal("/v3/conversations/19%3A4f1c2a3b5d6e7f80%40thread.tacv2/activities", welcome.RawTarget);
        var card = welcome.Body["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("scar boxcar", card, StringComparison.Ordinal);
        Assert.Contains("prevent", card, StringComparison.Ordinal);
        Assert.Contains("treatments at home", card, StringComparison.Ordinal);
        Assert.Contains("help", card, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", card, StringComparison.Ordinal);
        Assert.Contains("Ask about scar types", card, StringComparison.Ordinal);
        var asked = Assert.Single(_host.Engine.Requests);
        Assert.Equal(CommandNames.Help, asked.Command?.Name);
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.replies.sent[kind=welcome]"));
    }

    [Fact]
    public async Task Someone_else_joining_sends_nothing()
    {
        using var response = await _host.PostAsync(TeamsPayloads.PersonJoinedTeam(ServiceUrl));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public async Task An_action_execute_invoke_is_answered_inline_with_the_card()
    {
        using var response = await _host.PostAsync(TeamsPayloads.CardExecute(ServiceUrl, "followup", "how are boxcar scars treated?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!;
        Assert.Equal("Boxcar scars", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.All(card["actions"]!.AsArray(), action =>
        {
            Assert.Equal("Action.Execute", action!["type"]!.GetValue<string>());
            Assert.Equal("followup", action["verb"]!.GetValue<string>());
        });
        Assert.Equal("how are boxcar scars treated?", Assert.Single(_host.Engine.Requests).Text);
        await _host.WhenIdleAsync();
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public async Task An_action_execute_with_an_unknown_verb_gets_an_error_result()
    {
        using var response = await _host.PostAsync(TeamsPayloads.CardExecute(ServiceUrl, "deleteEverything", "x"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task A_message_extension_search_returns_shareable_cards_with_source_and_caveat()
    {
        using var response = await _host.PostAsync(TeamsPayloads.ComposeQuery(ServiceUrl, "boxcar"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("list", result["attachmentLayout"]!.GetValue<string>());
        var attachments = result["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        var first = attachments[0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["contentType"]!.GetValue<string>());
        var card = first["content"]!.ToJsonString();
        Assert.Contains("Boxcar scars: Broad, box-like depressions", card, StringComparison.Ordinal);
        Assert.Contains("What to know about pitted acne scars", card, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", card, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", first["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal("Boxcar scars", first["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.Equal("boxcar", Assert.Single(_host.Engine.Requests).Text);
    }

    [Fact]
    public async Task A_message_extension_opened_without_text_shows_the_scar_types()
    {
        var activity = TeamsPayloads.ComposeQuery(ServiceUrl, string.Empty);
        activity["value"]!["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" });

        using var response = await _host.PostAsync(activity);

        var attachments = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!["attachments"]!.AsArray();
        Assert.Equal(3, attachments.Count);
        Assert.Equal(CommandNames.Scar, Assert.Single(_host.Engine.Requests).Command?.Name);
    }

    [Fact]
    public async Task A_slow_message_extension_search_answers_within_the_deadline()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:ComposeExtensionTimeout"] = "00:00:00.300");
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var started = DateTimeOffset.UtcNow;
        using var response = await host.PostAsync(TeamsPayloads.ComposeQuery(host.Connector.ServiceUrl, "boxcar"));
        var elapsed = DateTimeOffset.UtcNow - started;
        host.Engine.Gate.SetResult();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
        Assert.Equal("message", result["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_extension_search_answers_within_the_deadline_while_the_engine_blocks_its_thread()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:ComposeExtensionTimeout"] = "00:00:00.300");
        using var blocking = new ManualResetEventSlim();
        host.Engine.Block = (_, _) => blocking.Wait(FakeChatEngine.BlockingCap);
        try
        {
            var started = DateTimeOffset.UtcNow;
            using var response = await host.PostAsync(TeamsPayloads.ComposeQuery(host.Connector.ServiceUrl, "boxcar"));
            var elapsed = DateTimeOffset.UtcNow - started;

            // The engine is still blocked here: the answer can only be the deadline message.
            Assert.False(blocking.IsSet);
            Assert.True(elapsed < FakeChatEngine.BlockingCap, $"took {elapsed}");
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["composeExtension"]!;
            Assert.Equal("message", result["type"]!.GetValue<string>());
        }
        finally
        {
            blocking.Set();
        }
    }

    [Fact]
    public async Task An_unknown_invoke_gets_501()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Invoke(ServiceUrl, "task/fetch"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task Other_activity_types_are_acknowledged_and_ignored_with_a_debug_line()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Reaction(ServiceUrl));
        await _host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Engine.Requests);
        Assert.Empty(_host.Connector.Requests);
        Assert.Contains(_host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Debug && e.Message.StartsWith("Ignored Teams activity of type messageReaction", StringComparison.Ordinal));
        Assert.Equal(1, _host.Metrics.Total("skinbot.teams.activities.received[type=messageReaction]"));
    }

    [Fact]
    public async Task A_repeat_over_the_rate_limit_sends_nothing_to_a_message()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, ScriptedLimits.AlreadyToldMarker + " please"));
        await _host.WhenIdleAsync();

        Assert.Empty(_host.Engine.Requests);
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public async Task A_first_message_over_the_rate_limit_gets_the_notice()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, ScriptedLimits.RateLimitedMarker + " please"));
        await _host.WhenIdleAsync();

        var reply = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.Contains("asking quickly: give me a moment", reply.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_host.Engine.Requests);
    }

    [Fact]
    public async Task A_repeat_over_the_rate_limit_to_an_invoke_gets_the_notice_headline()
    {
        using var response = await _host.PostAsync(TeamsPayloads.CardExecute(ServiceUrl, "followup", ScriptedLimits.AlreadyToldMarker + " me"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(ScriptedLimits.RateLimitNotice.Headline, body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slow_answer_is_preceded_by_a_typing_indicator()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:TypingDelay"] = "00:00:00.050");
        host.Engine.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "scar boxcar"));
        var typing = Assert.Single(await host.Connector.WaitForRequestsAsync(1));
        host.Engine.Gate.SetResult();
        await host.WhenIdleAsync();

        Assert.Equal("typing", typing.Type);
        var all = host.Connector.Requests;
        Assert.Equal(["typing", "message"], all.Select(r => r.Type));
        Assert.Equal(TeamsPayloads.BotId, typing.Body["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slow_answer_from_an_engine_that_blocks_its_thread_is_preceded_by_a_typing_indicator()
    {
        await using var host = await TeamsTestHost.StartAsync(s => s["Teams:TypingDelay"] = "00:00:00.050");
        using var blocking = new ManualResetEventSlim();
        host.Engine.Block = (_, _) => blocking.Wait(FakeChatEngine.BlockingCap);
        ConnectorRequest first;
        try
        {
            using var response = await host.PostAsync(TeamsPayloads.Personal(host.Connector.ServiceUrl, "scar boxcar"));
            first = Assert.Single(await host.Connector.WaitForRequestsAsync(1, TimeSpan.FromSeconds(20)));
        }
        finally
        {
            blocking.Set();
        }

        await host.WhenIdleAsync();
        Assert.Equal("typing", first.Type);
        Assert.Equal(["typing", "message"], host.Connector.Requests.Select(r => r.Type));
    }

    [Fact]
    public async Task A_fast_answer_has_no_typing_indicator()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, "scar boxcar"));
        await _host.WhenIdleAsync();

        Assert.Equal(["message"], _host.Connector.Requests.Select(r => r.Type));
    }

    [Fact]
    public async Task When_the_engine_fails_the_person_gets_a_polite_apology()
    {
        _host.Engine.Respond = _ => throw new InvalidOperationException("index is being rebuilt");

        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, "scar boxcar"));
        await _host.WhenIdleAsync();

        var reply = Assert.Single(_host.Connector.DeliveredMessages);
        Assert.StartsWith("Sorry, something went wrong", reply.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task The_question_text_is_never_logged_above_debug()
    {
        using var response = await _host.PostAsync(TeamsPayloads.Personal(ServiceUrl, "my boxcar scars on my cheek are embarrassing"));
        await _host.WhenIdleAsync();

        Assert.Single(_host.Connector.DeliveredMessages);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Level > Microsoft.Extensions.Logging.LogLevel.Debug && e.Message.Contains("embarrassing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_never_mentions_anyone()
    {
        using var response = await _host.PostAsync(TeamsPayloads.ChannelMention(ServiceUrl, "<at>SkinBot</at> what are boxcar scars?"));
        await _host.WhenIdleAsync();

        var body = Assert.Single(_host.Connector.DeliveredMessages).Body;
        Assert.Null(body["entities"]);
        Assert.DoesNotContain("<at>", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_activity_without_a_conversation_is_refused()
    {
        var activity = TeamsPayloads.Personal(ServiceUrl, "hi");
        activity.Remove("conversation");

        using var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

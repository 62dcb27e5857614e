using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Fakes;

namespace SkinBot.Discord.Tests;

/// <summary>Slash commands, buttons and autocomplete through POST /discord/interactions, as Discord sends them.</summary>
public sealed class InteractionTests : IAsyncLifetime
{
    private readonly InteractionSigner _signer = new();
    private FakeDiscord _discord = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        var settings = BotHost.Settings(_discord, _signer.PublicKeyHex, withToken: false);
        settings["Discord:InteractionAnswerBudget"] = "00:00:00.300";
        settings["Discord:DeferredEditRetryDelay"] = "00:00:00.100";
        _bot = await BotHost.StartAsync(settings);
        _bot.Engine.HoldSlowUntilReleased = true;
    }

    public async Task DisposeAsync()
    {
        _bot.Engine.ReleaseSlow();
        await _bot.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
    }

    [Fact]
    public async Task Scar_type_boxcar_answers_with_an_embed_and_follow_up_buttons()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Command("scar", [Payloads.Option("type", "boxcar")]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        var embed = data.GetProperty("embeds")[0];
        Assert.Equal("Scar type: boxcar", embed.GetProperty("title").GetString());
        Assert.Contains("> Passage about boxcar", embed.GetProperty("description").GetString());
        Assert.Contains("[Pockmarks: causes and treatments](https://example.org/pockmarks) (Healthline), quoting Rachel Maiman, MD", embed.GetProperty("description").GetString());
        Assert.Equal("⚕️ " + DiscordEngine.Caveat, embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(data.TryGetProperty("flags", out _));
        var buttons = data.GetProperty("components")[0].GetProperty("components");
        Assert.Equal("fu:How are boxcar scars treated?", buttons[0].GetProperty("custom_id").GetString());
        Assert.Equal("How is it treated?", buttons[0].GetProperty("label").GetString());

        var request = Assert.Single(_bot.Engine.Requests);
        Assert.Equal(Platforms.Discord, request.Platform);
        Assert.Equal(CommandNames.Scar, request.Command!.Name);
        Assert.Equal(ScarTypeNames.Boxcar, request.Command.Option(CommandNames.ScarTypeOption));
        Assert.Equal(Payloads.UserId, request.UserId);
        Assert.Equal(Payloads.ChannelId, request.ChannelId);
    }

    [Theory]
    [InlineData("privacy")]
    [InlineData("forget")]
    public async Task Skinbot_privacy_and_forget_reach_the_pipeline_as_those_commands_and_are_answered_privately(string subcommand)
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Command("skinbot", [Payloads.Subcommand(subcommand)]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        var request = Assert.Single(_bot.Engine.Requests);
        Assert.Equal(subcommand, request.Command!.Name);
        Assert.Equal(Payloads.UserId, request.UserId);
    }

    [Fact]
    public async Task Scar_without_a_type_asks_for_all_three()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Command("scar"));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal("All three scar types", json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Null(Assert.Single(_bot.Engine.Requests).Command!.Option(CommandNames.ScarTypeOption));
    }

    [Fact]
    public async Task The_private_option_makes_the_reply_ephemeral()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("prevent", [Payloads.Option("private", true, type: 5)]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Preventing pitted scars", json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Camouflage_reaches_the_engine_as_the_camouflage_command()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Command("camouflage"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CommandNames.Camouflage, Assert.Single(_bot.Engine.Requests).Command?.Name);
    }

    [Fact]
    public async Task Treatments_for_a_scar_type_reach_the_engine_with_the_scar_option()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("treatments", [Payloads.Option("where", "all"), Payloads.Option("scar", "rolling")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_bot.Engine.Requests);
        Assert.Equal(CommandNames.Treatments, request.Command?.Name);
        Assert.Equal("rolling", request.Command?.Option(CommandNames.ForScarOption));
        Assert.Equal("/treatments all rolling", request.Text);
    }

    [Fact]
    public async Task Treatments_and_help_reach_the_engine_as_commands_and_ask_as_its_question()
    {
        using var treatments = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("treatments", [Payloads.Option("where", "at_home"), Payloads.Option("name", "Retinol")]));
        using var ask = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "do derma rollers help?")]));
        using var help = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("skinbot", [Payloads.Subcommand("help", Payloads.Option("private", true, type: 5))]));

        Assert.Equal("Treatments: at_home Retinol", (await SignedInteractions.JsonAsync(treatments)).GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("Q: do derma rollers help?", (await SignedInteractions.JsonAsync(ask)).GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        var helpJson = await SignedInteractions.JsonAsync(help);
        Assert.Equal("SkinBot help", helpJson.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(64, helpJson.GetProperty("data").GetProperty("flags").GetInt32());
        var requests = _bot.Engine.Requests.ToArray();
        Assert.Equal([CommandNames.Treatments, null, CommandNames.Help], requests.Select(r => r.Command?.Name));
        Assert.Equal("do derma rollers help?", requests[1].Text);
    }

    [Fact]
    public async Task A_follow_up_button_answers_its_question_in_place()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.ButtonPress("fu:How are boxcar scars treated?"));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(7, json.GetProperty("type").GetInt32());
        Assert.Equal("Q: How are boxcar scars treated?", json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, json.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("How are boxcar scars treated?", Assert.Single(_bot.Engine.Requests).Text);
    }

    [Theory]
    [InlineData("unknown:thing")]
    [InlineData("fu:")]
    [InlineData("fu:   ")]
    public async Task A_button_with_an_id_skinbot_did_not_make_gets_a_private_notice(string customId)
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.ButtonPress(customId));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task Autocomplete_offers_treatments_matching_the_partial_name_and_setting()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Autocomplete("treatments",
            [Payloads.Option("where", "at_home"), Payloads.Option("name", "ret", focused: true)]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(8, json.GetProperty("type").GetInt32());
        var names = json.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(new[] { "Retinoids", "Retinol" }, names);
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task Autocomplete_without_a_setting_searches_every_treatment()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Autocomplete("treatments",
            [Payloads.Option("name", "CI", focused: true)]));
        var json = await SignedInteractions.JsonAsync(response);

        var names = json.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToArray();
        Assert.Equal(new[] { "Glycolic acid", "Laser resurfacing", "Subcision" }, names);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_and_filled_in_through_the_webhook()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[slow] what is subcision?")], token: "slow-token"));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(5, json.GetProperty("type").GetInt32());
        Assert.False(json.TryGetProperty("data", out _));
        _bot.Engine.ReleaseSlow();
        var edit = Assert.Single(await _discord.Rest.WaitForAsync(c => c.Method == "PATCH", 1));
        Assert.Equal($"/webhooks/{FakeGateway.ApplicationId}/slow-token/messages/@original", edit.Path);
        Assert.Null(edit.Authorization);
        Assert.Equal("Q: [slow] what is subcision?", edit.Body!.Value.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, edit.Body.Value.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task An_engine_that_blocks_before_its_first_await_is_still_deferred_within_the_budget()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[block] what is subcision?")], token: "block-token"));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(5, json.GetProperty("type").GetInt32());
        _bot.Engine.ReleaseSlow();
        var edit = Assert.Single(await _discord.Rest.WaitForAsync(c => c.Method == "PATCH", 1));
        Assert.EndsWith("/block-token/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.Equal("Q: [block] what is subcision?", edit.Body!.Value.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_slow_private_answer_is_deferred_ephemerally()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[slow] hi"), Payloads.Option("private", true, type: 5)]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(5, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        _bot.Engine.ReleaseSlow();
        await _discord.Rest.WaitForAsync(c => c.Method == "PATCH", 1);
    }

    [Fact]
    public async Task A_slow_button_press_is_deferred_as_an_update_then_edited()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.ButtonPress("fu:[slow] more please", token: "button-slow"));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(6, json.GetProperty("type").GetInt32());
        _bot.Engine.ReleaseSlow();
        var edit = Assert.Single(await _discord.Rest.WaitForAsync(c => c.Method == "PATCH", 1));
        Assert.EndsWith("/button-slow/messages/@original", edit.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deferred_answer_whose_webhook_is_gone_is_dropped_with_an_error_line()
    {
        _discord.Rest.Script("PATCH", "/webhooks/", new FakeResponse(404, """{"code":10015,"message":"Unknown Webhook"}"""), new FakeResponse(404, """{"code":10015,"message":"Unknown Webhook"}"""));
        var id = Payloads.NewId();

        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[slow] too late")], id: id));

        Assert.Equal(5, (await SignedInteractions.JsonAsync(response)).GetProperty("type").GetInt32());
        _bot.Engine.ReleaseSlow();
        await GatewayTests.Eventually(() => _bot.Logs.Entries.Any(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains(id, StringComparison.Ordinal)));
        Assert.Equal(2, _discord.Rest.Where("PATCH", "/webhooks/").Count);
    }

    [Fact]
    public async Task A_deferred_edit_answered_404_once_is_retried_and_delivered()
    {
        _discord.Rest.Script("PATCH", "/webhooks/", new FakeResponse(404, """{"code":10015,"message":"Unknown Webhook"}"""));

        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[slow] not yet registered")], token: "retry-token"));
        Assert.Equal(5, (await SignedInteractions.JsonAsync(response)).GetProperty("type").GetInt32());
        _bot.Engine.ReleaseSlow();

        var edit = Assert.Single(await _discord.Rest.WaitForAsync(c => c.Method == "PATCH", 1));
        Assert.EndsWith("/retry-token/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.Equal(2, _discord.Rest.Where("PATCH", "/webhooks/").Count);
        Assert.DoesNotContain(_bot.Logs.Entries, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task A_deferred_answer_waits_until_the_deferred_response_has_been_delivered()
    {
        var handler = _bot.Services.GetRequiredService<InteractionHandler>();
        var interaction = JsonSerializer.Deserialize<Interaction>(
            JsonSerializer.SerializeToUtf8Bytes(Payloads.Command("ask", [Payloads.Option("question", "[slow] wait for me")], token: "held-token")), DiscordJson.Options)!;
        var responder = new InlineInteractionResponder();

        var handling = handler.HandleAsync(interaction, responder, CancellationToken.None);
        Assert.Equal(5, (await responder.Response.WaitAsync(TimeSpan.FromSeconds(10))).Type);
        _bot.Engine.ReleaseSlow();
        await GatewayTests.Eventually(() => _bot.Logs.Entries.Any(l => l.Message.Contains("deferred", StringComparison.Ordinal)));
        // The answer is ready; nothing may reach the webhook while the HTTP response is still on its way.
        await Task.Delay(300);
        Assert.Empty(_discord.Rest.Where("PATCH", "/webhooks/"));

        responder.MarkDelivered();
        await handling.WaitAsync(TimeSpan.FromSeconds(10));
        var edit = Assert.Single(_discord.Rest.Where("PATCH", "/webhooks/"));
        Assert.EndsWith("/held-token/messages/@original", edit.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_message_over_the_rate_limit_gets_the_notice()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", ScriptedLimits.RateLimitedMarker + " again")]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(ScriptedLimits.RateLimitNotice.Headline, json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task A_repeat_over_the_rate_limit_shows_only_the_notice_headline_to_the_asker()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", ScriptedLimits.AlreadyToldMarker + " again")]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(ScriptedLimits.RateLimitNotice.Headline, json.GetProperty("data").GetProperty("content").GetString());
        Assert.False(json.GetProperty("data").TryGetProperty("embeds", out _));
        Assert.Empty(_bot.Engine.Requests);
    }

    [Fact]
    public async Task A_slow_engine_failure_replaces_the_public_placeholder_with_a_private_apology()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[slow][boom] again")], token: "sup-token"));
        Assert.Equal(5, (await SignedInteractions.JsonAsync(response)).GetProperty("type").GetInt32());
        _bot.Engine.ReleaseSlow();

        var followUp = Assert.Single(await _discord.Rest.WaitForAsync(c => c.Is("POST", "/webhooks/"), 1));
        Assert.Equal($"/webhooks/{FakeGateway.ApplicationId}/sup-token", followUp.Path);
        Assert.Equal(64, followUp.Body!.Value.GetProperty("flags").GetInt32());
        Assert.StartsWith("Sorry", followUp.Body.Value.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Single(_discord.Rest.Where("DELETE", "/webhooks/"));
    }

    [Fact]
    public async Task An_engine_failure_still_acknowledges_with_a_polite_private_message()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer,
            Payloads.Command("ask", [Payloads.Option("question", "[boom]")]));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.StartsWith("Sorry", json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_private_hint()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Command("dance"));
        var json = await SignedInteractions.JsonAsync(response);

        Assert.Equal(64, json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("/skinbot help", json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_from_a_dm_uses_the_user_object()
    {
        using var response = await SignedInteractions.PostAsync(_bot.Client, _signer, Payloads.Command("prevent", inGuild: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Payloads.UserId, Assert.Single(_bot.Engine.Requests).UserId);
    }
}

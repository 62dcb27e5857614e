using Microsoft.Extensions.Logging;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Fakes;

namespace SkinBot.Discord.Tests;

/// <summary>Channel messages and DMs over the gateway: when SkinBot answers, what it sends, and what it ignores.</summary>
public sealed class MessageTests : IAsyncLifetime
{
    private const string ListedChannel = "800000000000000077";
    private GatewayHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await GatewayHarness.StartAsync(s => s["Discord:Channels:0"] = ListedChannel);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_mention_in_a_channel_gets_one_reply_to_that_message()
    {
        var id = _harness.Say("what are boxcar scars?");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.Equal($"/channels/{Payloads.ChannelId}/messages", reply.Path);
        Assert.Equal("Bot " + BotHost.BotToken, reply.Authorization);
        Assert.Equal("application/json", reply.ContentType);
        var body = reply.Body!.Value;
        Assert.Equal(id, body.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.False(body.GetProperty("message_reference").GetProperty("fail_if_not_exists").GetBoolean());
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("Q: what are boxcar scars?", body.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(2, body.GetProperty("components")[0].GetProperty("components").GetArrayLength());
        Assert.Equal(id + "-0", body.GetProperty("nonce").GetString());
        Assert.True(body.GetProperty("enforce_nonce").GetBoolean());
        var request = Assert.Single(_harness.Bot.Engine.Requests);
        Assert.Equal("what are boxcar scars?", request.Text);
        Assert.Equal(Platforms.Discord, request.Platform);
        Assert.Equal(Payloads.UserId, request.UserId);
    }

    [Fact]
    public async Task The_legacy_nickname_mention_is_recognised_and_stripped()
    {
        _harness.Gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(Payloads.NewId(), $"<@!{FakeGateway.BotUserId}>, do retinoids help?"));

        await _harness.WaitForRepliesAsync(1);
        Assert.Equal("do retinoids help?", Assert.Single(_harness.Bot.Engine.Requests).Text);
    }

    [Fact]
    public async Task A_mention_of_the_bots_managed_role_counts_as_a_mention()
    {
        _harness.Gateway.Dispatch("GUILD_CREATE", Payloads.GuildCreate());
        _harness.Gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(Payloads.NewId(), $"<@&{Payloads.BotRoleId}> what is subcision?", mentionRoles: [Payloads.BotRoleId]));

        await _harness.WaitForRepliesAsync(1);
        Assert.Equal("what is subcision?", Assert.Single(_harness.Bot.Engine.Requests).Text);
    }

    [Fact]
    public async Task Another_bots_role_mention_is_not_for_skinbot()
    {
        _harness.Gateway.Dispatch("GUILD_CREATE", Payloads.GuildCreate());
        _harness.Gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(Payloads.NewId(), "<@&710000000000000010> hi", mentionRoles: ["710000000000000010"]));
        var sentinel = _harness.Say("sentinel");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.Equal(sentinel, reply.Body!.Value.GetProperty("message_reference").GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task A_reply_to_one_of_the_bots_messages_is_answered_without_a_mention()
    {
        _harness.Say("and how long does it take?", mention: false, repliedToAuthor: FakeGateway.BotUserId);

        await _harness.WaitForRepliesAsync(1);
        Assert.Equal("and how long does it take?", Assert.Single(_harness.Bot.Engine.Requests).Text);
    }

    [Fact]
    public async Task A_configured_channel_is_answered_without_a_mention_and_others_are_not()
    {
        _harness.Say("ignored: not for the bot", mention: false);
        _harness.Say("a reply to someone else", mention: false, repliedToAuthor: "123456789012345678");
        var listed = _harness.Say("what is microneedling?", channelId: ListedChannel, mention: false);
        var sentinel = _harness.Say("sentinel");

        await _harness.WaitForRepliesAsync(2);
        await Task.Delay(100);
        Assert.Equal(new[] { listed, sentinel }.Order(), _harness.Replies().Select(r => r.ReplyTo!).Order());
        Assert.Equal(new[] { "what is microneedling?", "sentinel" }.Order(), _harness.Bot.Engine.Requests.Select(r => r.Text).Order());
    }

    [Fact]
    public async Task Every_dm_is_answered()
    {
        var id = _harness.Say("can I pop a pimple?", channelId: "810000000000000001", guildId: null, mention: false);

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.Equal("/channels/810000000000000001/messages", reply.Path);
        var reference = reply.Body!.Value.GetProperty("message_reference");
        Assert.Equal(id, reference.GetProperty("message_id").GetString());
        Assert.False(reference.TryGetProperty("guild_id", out _));
        Assert.Equal("can I pop a pimple?", Assert.Single(_harness.Bot.Engine.Requests).Text);
    }

    [Fact]
    public async Task Bots_webhooks_and_the_bot_itself_are_ignored()
    {
        _harness.Say("from a bot", authorIsBot: true);
        _harness.Say("from a webhook", webhookId: "500000000000000001");
        _harness.Say("from itself", authorId: FakeGateway.BotUserId);
        _harness.Say("a DM from a bot", guildId: null, mention: false, authorIsBot: true);
        var sentinel = _harness.Say("sentinel");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        await Task.Delay(100);
        Assert.Single(_harness.Replies());
        Assert.Equal(sentinel, reply.Body!.Value.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("sentinel", Assert.Single(_harness.Bot.Engine.Requests).Text);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_answered_once()
    {
        var id = _harness.Say("what are rolling scars?");
        _harness.Say("what are rolling scars?", id: id);
        var sentinel = _harness.Say("sentinel");

        await _harness.WaitForRepliesAsync(2);
        await Task.Delay(100);
        Assert.Equal([id, sentinel], _harness.Replies().Select(r => r.ReplyTo!).ToArray());
    }

    [Fact]
    public async Task Pinging_text_in_a_question_cannot_ping_anyone()
    {
        _harness.Say("@everyone <@&1> <@600000000000000002> what is a boxcar scar?");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.Equal("""{"parse":[]}""", reply.Body!.Value.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task A_bare_mention_asks_for_help()
    {
        _harness.Say(string.Empty);

        await _harness.WaitForRepliesAsync(1);
        Assert.Equal(CommandNames.Help, Assert.Single(_harness.Bot.Engine.Requests).Command?.Name);
    }

    [Fact]
    public async Task A_typed_command_keeps_its_structure()
    {
        _harness.Say("/scar box car");

        await _harness.WaitForRepliesAsync(1);
        var command = Assert.Single(_harness.Bot.Engine.Requests).Command;
        Assert.Equal(CommandNames.Scar, command?.Name);
        Assert.Equal(ScarTypeNames.Boxcar, command?.Option(CommandNames.ScarTypeOption));
    }

    [Fact]
    public async Task A_repeat_over_the_rate_limit_sends_nothing()
    {
        _harness.Say(ScriptedLimits.AlreadyToldMarker + " again?");
        var sentinel = _harness.Say("sentinel");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.Equal(sentinel, reply.Body!.Value.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("sentinel", Assert.Single(_harness.Bot.Engine.Requests).Text);
    }

    [Fact]
    public async Task A_first_message_over_the_rate_limit_gets_the_notice_as_a_reply()
    {
        var id = _harness.Say(ScriptedLimits.RateLimitedMarker + " again?");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.Equal(id, reply.Body!.Value.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal(ScriptedLimits.RateLimitNotice.Headline, reply.Body.Value.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Empty(_harness.Bot.Engine.Requests);
    }

    [Fact]
    public async Task An_engine_failure_gets_a_polite_reply()
    {
        _harness.Say("[boom]");

        var reply = Assert.Single(await _harness.WaitForRepliesAsync(1));
        Assert.StartsWith("Sorry", reply.Body!.Value.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(_harness.Bot.Logs.Entries, l => l.Level == LogLevel.Error && l.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Replies_in_one_channel_keep_the_order_of_the_questions()
    {
        var ids = Enumerable.Range(0, 8).Select(i => _harness.Say(i % 3 == 0 ? $"[slow] question {i}" : $"question {i}")).ToArray();
        _harness.Bot.Engine.SlowDelay = TimeSpan.FromMilliseconds(50);

        await _harness.WaitForRepliesAsync(ids.Length);
        Assert.Equal(ids, _harness.Replies().Select(r => r.ReplyTo!).ToArray());
    }
}

public sealed class MessageDeliveryTests
{
    [Fact]
    public async Task A_long_answer_in_text_style_is_split_into_messages_of_at_most_2000_characters()
    {
        await using var harness = await GatewayHarness.StartAsync(s => s["Discord:ReplyStyle"] = "Text");
        var id = harness.Say("[long] tell me everything about subcision");

        // The caveat closes the answer, so the message that carries it is the last piece.
        await GatewayTests.Eventually(() => harness.Replies().Any(r => r.Body.GetProperty("content").GetString()!.Contains(DiscordEngine.Caveat, StringComparison.Ordinal)));
        var bodies = harness.Replies().Select(r => r.Body).ToList();
        Assert.True(bodies.Count >= 2);
        Assert.All(bodies, b => Assert.InRange(b.GetProperty("content").GetString()!.Length, 1, 2000));
        Assert.All(bodies, b => Assert.Equal(0, b.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength()));
        Assert.Equal(id, bodies[0].GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.All(bodies.Skip(1), b => Assert.False(b.TryGetProperty("message_reference", out _)));
        Assert.Contains(DiscordEngine.Caveat, bodies[^1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(bodies.Count, bodies.Select(b => b.GetProperty("nonce").GetString()).Distinct().Count());
        Assert.True(bodies[^1].GetProperty("components").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_slow_answer_shows_the_typing_indicator_first()
    {
        await using var harness = await GatewayHarness.StartAsync(s => s["Discord:TypingIndicatorDelay"] = "00:00:00.050");
        harness.Bot.Engine.SlowDelay = TimeSpan.FromMilliseconds(600);
        harness.Say("[slow] what is TCA cross?");

        await harness.WaitForRepliesAsync(1);
        var calls = harness.Rest.Snapshot;
        var typing = calls.ToList().FindIndex(c => c.Is("POST", $"/channels/{Payloads.ChannelId}/typing"));
        var message = calls.ToList().FindIndex(c => c.Is("POST", $"/channels/{Payloads.ChannelId}/messages"));
        Assert.InRange(typing, 0, message - 1);
    }

    [Fact]
    public async Task The_watchdog_logs_a_handler_that_runs_too_long()
    {
        await using var harness = await GatewayHarness.StartAsync(s => s["Discord:HandlerWatchdogThreshold"] = "00:00:00.100");
        harness.Bot.Engine.SlowDelay = TimeSpan.FromMilliseconds(500);
        var id = harness.Say("[slow] what is TCA cross?");

        await harness.WaitForRepliesAsync(1);
        Assert.Contains(harness.Bot.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("still running", StringComparison.Ordinal) && l.Message.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_that_refused_for_missing_permissions_is_left_alone_for_a_while()
    {
        await using var harness = await GatewayHarness.StartAsync();
        const string other = "800000000000000301";
        harness.Rest.Script("POST", $"/channels/{Payloads.ChannelId}/messages", new FakeResponse(403, """{"code":50013,"message":"Missing Permissions"}"""));
        harness.Say("first question");
        await GatewayTests.Eventually(() => harness.Rest.Where("POST", $"/channels/{Payloads.ChannelId}/messages").Count == 1);

        var second = harness.Say("second question");
        harness.Say("elsewhere", channelId: other);

        await GatewayTests.Eventually(() => harness.Bot.Logs.Entries.Any(l => l.Message.Contains(second, StringComparison.Ordinal) && l.Message.Contains("refused us recently", StringComparison.Ordinal)));
        await harness.WaitForRepliesAsync(1);
        Assert.Single(harness.Rest.Where("POST", $"/channels/{Payloads.ChannelId}/"));
        Assert.Single(harness.Rest.Where("POST", $"/channels/{other}/messages"));
        Assert.Single(harness.Bot.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("missing access or permissions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_that_cannot_be_delivered_is_logged_with_the_message_id()
    {
        await using var harness = await GatewayHarness.StartAsync();
        harness.Rest.Intercept = r => r.Path.Value!.EndsWith("/messages", StringComparison.Ordinal) ? FakeResponse.ServerError(503) : null;
        var id = harness.Say("what are boxcar scars?");

        await GatewayTests.Eventually(() => harness.Bot.Logs.Entries.Any(l => l.Level == LogLevel.Error && l.Message.Contains(id, StringComparison.Ordinal)));
        Assert.Equal(5, harness.Rest.Where("POST", $"/channels/{Payloads.ChannelId}/messages").Count);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

/// <summary>The abuse limits and the length cap of the host's turn pipeline, the same for every door.</summary>
public sealed class TurnLimitsTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeChatEngine _engine = new(HostAnswers.Substantive);
    private readonly ServiceProvider _services;
    private readonly ITurnRunner _turns;

    public TurnLimitsTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Limits:PerUserPermitsPerMinute"] = "3",
            ["Limits:PerChannelPermitsPerMinute"] = "5",
            ["Limits:MaxMessageLength"] = "100",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IChatEngine>(_engine);
        services.AddSkinBotTurns(configuration);
        _services = services.BuildServiceProvider();
        _turns = _services.GetRequiredService<ITurnRunner>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_user_over_the_limit_gets_one_polite_notice_then_nothing()
    {
        var results = await SendAsync(Discord("alice", "general"), 6);

        Assert.All(results.Take(3), r => Assert.IsType<TurnResult.Answered>(r));
        var notice = Assert.IsType<TurnResult.RateLimited>(results[3]);
        Assert.False(notice.AlreadyTold);
        Assert.Equal(LimitScope.User, notice.Scope);
        Assert.Equal(TimeSpan.FromSeconds(20), notice.RetryAfter);
        Assert.Equal("You're sending messages faster than I can answer", notice.Notice.Headline);
        Assert.Equal("Please wait about 20 seconds and try again. Messages sent before then won't get a reply.", notice.Notice.Message);
        Assert.All(results.Skip(4), r => Assert.True(Assert.IsType<TurnResult.RateLimited>(r).AlreadyTold));
        Assert.Equal(3, _engine.Requests.Count);
    }

    [Fact]
    public async Task Other_users_are_not_affected_by_one_users_limit()
    {
        await SendAsync(Discord("alice", "dm-alice"), 5);

        var bob = await RunAsync(Discord("bob", "dm-bob"));

        Assert.IsType<TurnResult.Answered>(bob);
    }

    [Fact]
    public async Task The_same_user_id_on_another_platform_has_its_own_allowance()
    {
        await SendAsync(Discord("42", "c1"), 5);

        var teams = await RunAsync(new ChatRequest(Platforms.Teams, "c1", "42", "what are boxcar scars?") { ChannelId = "c1" });

        Assert.IsType<TurnResult.Answered>(teams);
    }

    [Fact]
    public async Task A_limited_user_may_ask_again_after_the_wait_the_notice_gave_and_is_told_again_next_time()
    {
        await SendAsync(Discord("alice", "c1"), 4);

        _time.Advance(TimeSpan.FromSeconds(20));
        var afterWait = await RunAsync(Discord("alice", "c1"));
        var nextFlood = await RunAsync(Discord("alice", "c1"));

        Assert.IsType<TurnResult.Answered>(afterWait);
        Assert.False(Assert.IsType<TurnResult.RateLimited>(nextFlood).AlreadyTold);
    }

    [Fact]
    public async Task Being_told_lasts_only_as_long_as_the_announced_wait()
    {
        var results = await SendAsync(Discord("alice", "c1"), 4);
        Assert.False(Assert.IsType<TurnResult.RateLimited>(results[3]).AlreadyTold);

        // 20 s later one permit is back; the user spends it and floods again: a new episode, a new notice.
        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.True(Assert.IsType<TurnResult.RateLimited>(await RunAsync(Discord("alice", "c1"))).AlreadyTold);
        _time.Advance(TimeSpan.FromSeconds(1));
        await RunAsync(Discord("alice", "c1"));
        var again = await RunAsync(Discord("alice", "c1"));

        Assert.False(Assert.IsType<TurnResult.RateLimited>(again).AlreadyTold);
    }

    [Fact]
    public async Task A_busy_channel_is_limited_across_its_users_with_one_notice_for_the_channel()
    {
        var results = new List<TurnResult>();
        foreach (var user in new[] { "a", "b", "c", "d", "e", "f", "g" })
        {
            results.Add(await RunAsync(Discord(user, "busy")));
        }

        Assert.All(results.Take(5), r => Assert.IsType<TurnResult.Answered>(r));
        var notice = Assert.IsType<TurnResult.RateLimited>(results[5]);
        Assert.Equal(LimitScope.Channel, notice.Scope);
        Assert.Equal(GuardReplies.ChannelRateLimitedHeadline, notice.Notice.Headline);
        Assert.False(notice.AlreadyTold);
        Assert.True(Assert.IsType<TurnResult.RateLimited>(results[6]).AlreadyTold);

        var elsewhere = await RunAsync(Discord("h", "quiet"));
        Assert.IsType<TurnResult.Answered>(elsewhere);
    }

    [Fact]
    public async Task The_cli_has_no_channel_and_only_the_user_limit_applies()
    {
        var results = await SendAsync(new ChatRequest(Platforms.Cli, "local", "local", "what are ice pick scars?"), 4);

        Assert.Equal(3, results.Count(r => r is TurnResult.Answered));
        Assert.Equal(GuardReplies.UserRateLimitedHeadline, Assert.IsType<TurnResult.RateLimited>(results[3]).Notice.Headline);
    }

    [Fact]
    public async Task A_message_over_the_cap_never_reaches_the_engine_and_is_told_the_limit()
    {
        var result = await RunAsync(Discord("alice", "c1", new string('x', 101)));

        Assert.Empty(_engine.Requests);
        var tooLong = Assert.IsType<TurnResult.TooLong>(result);
        Assert.Equal((101, 100), (tooLong.Length, tooLong.MaxLength));
        Assert.Equal("That message is too long for me", tooLong.Notice.Headline);
        Assert.Equal(
            "Please keep messages under 100 characters (yours has 101). A short question such as \"what are boxcar scars?\" gets the best answer.",
            tooLong.Notice.Message);
        Assert.False(tooLong.Notice.IsSubstantive);
    }

    [Fact]
    public async Task A_message_exactly_at_the_cap_is_answered()
    {
        var result = await RunAsync(Discord("alice", "c1", new string('x', 100)));

        Assert.IsType<TurnResult.Answered>(result);
    }

    [Fact]
    public async Task A_slash_command_option_over_the_cap_is_too_long_too()
    {
        var request = Discord("alice", "c1", "/treatments") with
        {
            Command = ChatCommand.Of(CommandNames.Treatments, (CommandNames.NameOption, new string('q', 150))),
        };

        var result = await RunAsync(request);

        Assert.IsType<TurnResult.TooLong>(result);
        Assert.Empty(_engine.Requests);
    }

    [Fact]
    public async Task An_ask_command_over_the_cap_is_too_long_too()
    {
        var request = Discord("alice", "c1", "/ask") with
        {
            Command = ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, new string('q', 150))),
        };

        var result = await RunAsync(request);

        Assert.IsType<TurnResult.TooLong>(result);
        Assert.Empty(_engine.Requests);
    }

    private static ChatRequest Discord(string user, string channel, string text = "what are ice pick scars?") =>
        new(Platforms.Discord, channel, user, text) { ChannelId = channel };

    private ValueTask<TurnResult> RunAsync(ChatRequest request) => _turns.RunAsync(request, TurnOptions.None, CancellationToken.None);

    private async Task<List<TurnResult>> SendAsync(ChatRequest request, int count)
    {
        var results = new List<TurnResult>();
        for (var i = 0; i < count; i++)
        {
            results.Add(await RunAsync(request));
        }

        return results;
    }
}

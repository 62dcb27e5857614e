using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

public sealed class GuardedChatEngineTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeChatEngine _inner = new();
    private readonly ServiceProvider _services;
    private readonly IChatEngine _engine;

    public GuardedChatEngineTests()
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
        services.AddSingleton<IChatEngine>(_inner);
        services.AddSkinBotOperations(configuration);
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<IChatEngine>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_user_over_the_limit_gets_one_polite_notice_then_nothing()
    {
        var answers = await SendAsync(Discord("alice", "general"), 6);

        Assert.All(answers.Take(3), a => Assert.Equal("scar_type", a.Intent));
        var notice = answers[3];
        Assert.Equal(GuardReplies.RateLimitedIntent, notice.Intent);
        Assert.False(notice.Suppressed);
        Assert.Equal("You're sending messages faster than I can answer", notice.Headline);
        Assert.Equal("Please wait about 20 seconds and try again. Messages sent before then won't get a reply.", notice.Message);
        Assert.All(answers.Skip(4), a =>
        {
            Assert.Equal(GuardReplies.RateLimitedIntent, a.Intent);
            Assert.True(a.Suppressed);
        });
        Assert.Equal(3, _inner.Requests.Count);
    }

    [Fact]
    public async Task Other_users_are_not_affected_by_one_users_limit()
    {
        await SendAsync(Discord("alice", "dm-alice"), 5);

        var bob = await _engine.AnswerAsync(Discord("bob", "dm-bob"), CancellationToken.None);

        Assert.Equal("scar_type", bob.Intent);
    }

    [Fact]
    public async Task The_same_user_id_on_another_platform_has_its_own_allowance()
    {
        await SendAsync(Discord("42", "c1"), 5);

        var teams = await _engine.AnswerAsync(new ChatRequest(Platforms.Teams, "c1", "42", "what are boxcar scars?") { ChannelId = "c1" }, CancellationToken.None);

        Assert.Equal("scar_type", teams.Intent);
    }

    [Fact]
    public async Task A_limited_user_may_ask_again_after_the_wait_the_notice_gave_and_is_told_again_next_time()
    {
        await SendAsync(Discord("alice", "c1"), 4);

        _time.Advance(TimeSpan.FromSeconds(20));
        var afterWait = await _engine.AnswerAsync(Discord("alice", "c1"), CancellationToken.None);
        var nextFlood = await _engine.AnswerAsync(Discord("alice", "c1"), CancellationToken.None);

        Assert.Equal("scar_type", afterWait.Intent);
        Assert.Equal(GuardReplies.RateLimitedIntent, nextFlood.Intent);
        Assert.False(nextFlood.Suppressed);
    }

    [Fact]
    public async Task Suppression_lasts_only_as_long_as_the_announced_wait()
    {
        var answers = await SendAsync(Discord("alice", "c1"), 4);
        Assert.False(answers[3].Suppressed);

        // 20 s later one permit is back; the user spends it and floods again: a new episode, a new notice.
        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.True((await _engine.AnswerAsync(Discord("alice", "c1"), CancellationToken.None)).Suppressed);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _engine.AnswerAsync(Discord("alice", "c1"), CancellationToken.None);
        var again = await _engine.AnswerAsync(Discord("alice", "c1"), CancellationToken.None);

        Assert.Equal(GuardReplies.RateLimitedIntent, again.Intent);
        Assert.False(again.Suppressed);
    }

    [Fact]
    public async Task A_busy_channel_is_limited_across_its_users_with_one_notice_for_the_channel()
    {
        var answers = new List<Answer>();
        foreach (var user in new[] { "a", "b", "c", "d", "e", "f", "g" })
        {
            answers.Add(await _engine.AnswerAsync(Discord(user, "busy"), CancellationToken.None));
        }

        Assert.All(answers.Take(5), a => Assert.Equal("scar_type", a.Intent));
        Assert.Equal(GuardReplies.ChannelRateLimitedHeadline, answers[5].Headline);
        Assert.False(answers[5].Suppressed);
        Assert.True(answers[6].Suppressed);

        var elsewhere = await _engine.AnswerAsync(Discord("h", "quiet"), CancellationToken.None);
        Assert.Equal("scar_type", elsewhere.Intent);
    }

    [Fact]
    public async Task The_cli_has_no_channel_and_only_the_user_limit_applies()
    {
        var answers = await SendAsync(new ChatRequest(Platforms.Cli, "local", "local", "what are ice pick scars?"), 4);

        Assert.Equal(3, answers.Count(a => a.Intent == "scar_type"));
        Assert.Equal(GuardReplies.UserRateLimitedHeadline, answers[3].Headline);
    }

    [Fact]
    public async Task A_message_over_the_cap_never_reaches_the_engine_and_is_told_the_limit()
    {
        var answer = await _engine.AnswerAsync(Discord("alice", "c1", new string('x', 101)), CancellationToken.None);

        Assert.Empty(_inner.Requests);
        Assert.Equal(GuardReplies.TooLongIntent, answer.Intent);
        Assert.Equal("That message is too long for me", answer.Headline);
        Assert.Equal(
            "Please keep messages under 100 characters (yours has 101). A short question such as \"what are boxcar scars?\" gets the best answer.",
            answer.Message);
        Assert.False(answer.Suppressed);
        Assert.False(answer.IsSubstantive);
    }

    [Fact]
    public async Task A_message_exactly_at_the_cap_is_answered()
    {
        var answer = await _engine.AnswerAsync(Discord("alice", "c1", new string('x', 100)), CancellationToken.None);

        Assert.Equal("scar_type", answer.Intent);
    }

    [Fact]
    public async Task A_slash_command_option_over_the_cap_is_too_long_too()
    {
        var request = Discord("alice", "c1", "/ask") with
        {
            Command = ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, new string('q', 150))),
        };

        var answer = await _engine.AnswerAsync(request, CancellationToken.None);

        Assert.Equal(GuardReplies.TooLongIntent, answer.Intent);
        Assert.Empty(_inner.Requests);
    }

    [Fact]
    public async Task The_engine_in_use_is_the_guard_around_the_registered_engine()
    {
        var guarded = Assert.IsType<GuardedChatEngine>(_engine);
        Assert.Same(_inner, guarded.Inner);
        Assert.Equal("scar_type", (await _engine.AnswerAsync(Discord("alice", "c1"), CancellationToken.None)).Intent);
    }

    private static ChatRequest Discord(string user, string channel, string text = "what are ice pick scars?") =>
        new(Platforms.Discord, channel, user, text) { ChannelId = channel };

    private async Task<List<Answer>> SendAsync(ChatRequest request, int count)
    {
        var answers = new List<Answer>();
        for (var i = 0; i < count; i++)
        {
            answers.Add(await _engine.AnswerAsync(request, CancellationToken.None));
        }

        return answers;
    }
}

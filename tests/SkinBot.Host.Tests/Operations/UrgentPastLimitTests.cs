using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;
using SkinBot.Testing;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// The abuse limits fail closed for safety: a message they would turn away is still read by the real safety screen,
/// and one that shows an urgent sign goes to the engine (whose answer to it is the safety reply).
/// </summary>
public sealed class UrgentPastLimitTests : IAsyncLifetime
{
    private readonly FakeChatEngine _inner = new(HostAnswers.Substantive);
    private ServiceProvider _services = null!;
    private ITurnRunner _turns = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Limits:PerUserPermitsPerMinute"] = "3",
            ["Limits:PerChannelPermitsPerMinute"] = "100",
            ["Limits:MaxMessageLength"] = "200",
        }).Build();
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddSingleton<IUrgentSignScreen>(new UrgentSignScreen(holder));
        services.AddSingleton<IChatEngine>(_inner);
        services.AddSkinBotTurns(configuration);
        _services = services.BuildServiceProvider();
        _turns = _services.GetRequiredService<ITurnRunner>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData("i've been cutting myself again and i can't stop")]
    [InlineData("had filler yesterday and the skin around it has gone white and mottled and hurts so much")]
    [InlineData("the spot is hot, full of pus and there are red streaks going up my arm")]
    public async Task A_user_over_the_rate_limit_who_shows_an_urgent_sign_is_still_answered(string urgent)
    {
        var flood = new List<TurnResult>();
        for (var i = 0; i < 5; i++)
        {
            flood.Add(await RunAsync(Request("what are boxcar scars?")));
        }

        var result = await RunAsync(Request(urgent));

        Assert.IsType<TurnResult.RateLimited>(flood[^1]);
        Assert.IsType<TurnResult.Answered>(result);
        Assert.Contains(_inner.Requests, r => r.Text == urgent);
    }

    [Fact]
    public async Task A_message_over_the_length_cap_with_a_cry_for_help_at_its_end_reaches_the_engine()
    {
        var text = string.Concat(Enumerable.Repeat("my scars are ruining everything and nothing works. ", 20)) + "honestly i just want to kill myself";

        var result = await RunAsync(Request(text));

        Assert.IsType<TurnResult.Answered>(result);
        Assert.Contains(_inner.Requests, r => r.Text == text);
    }

    [Fact]
    public async Task An_ordinary_message_over_a_limit_is_still_refused()
    {
        var tooLong = await RunAsync(Request(new string('x', 201)));

        Assert.IsType<TurnResult.TooLong>(tooLong);
        Assert.Empty(_inner.Requests);
    }

    private ValueTask<TurnResult> RunAsync(ChatRequest request) => _turns.RunAsync(request, TurnOptions.None, CancellationToken.None);

    private static ChatRequest Request(string text) => new(Platforms.Discord, "general", "alice", text) { ChannelId = "general" };
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;
using SkinBot.Testing;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

/// <summary>A flood that the limits refuse must not flood the log: the probe saw two Information lines per refused web message.</summary>
public sealed class RefusalLoggingTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly LogCapture _logs = new();
    private readonly ServiceProvider _services;
    private readonly ITurnRunner _turns;

    public RefusalLoggingTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Limits:PerUserPermitsPerMinute"] = "3",
            ["Limits:PerChannelPermitsPerMinute"] = "1000",
            ["Limits:MaxMessageLength"] = "100",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IChatEngine>(new FakeChatEngine(HostAnswers.Substantive));
        services.AddSkinBotTurns(configuration);
        _services = services.BuildServiceProvider();
        _turns = _services.GetRequiredService<ITurnRunner>();
    }

    public void Dispose()
    {
        _services.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task A_flood_of_rate_limited_messages_writes_the_first_refusal_and_then_one_line_with_the_count()
    {
        for (var i = 0; i < 203; i++)
        {
            await _turns.RunAsync(Web("what are boxcar scars?"), TurnOptions.None, CancellationToken.None);
        }

        // Three answers and one refusal line, where there were two lines for each of the 200 refused messages.
        Assert.Equal(4, _logs.Entries.Count(e => e.Level >= LogLevel.Information));
        var refusals = Refusals();
        var first = Assert.Single(refusals);
        Assert.Equal(LogLevel.Information, first.Level);
        Assert.Equal("web_user_limit", first.Values["Reason"]);
        Assert.Equal(3, _logs.Entries.Count(e => e.Message.StartsWith("Answered ", StringComparison.Ordinal)));

        _time.Advance(RefusalLogInterval);

        var summary = Refusals()[^1];
        Assert.Equal(199L, summary.Values["Count"]);
        Assert.Equal("web_user_limit", summary.Values["Reason"]);
    }

    [Fact]
    public async Task Messages_over_the_length_cap_are_summarised_too()
    {
        for (var i = 0; i < 3; i++)
        {
            await _turns.RunAsync(Web(new string('a', 101)), TurnOptions.None, CancellationToken.None);
        }

        var first = Assert.Single(Refusals());
        Assert.Equal("web_too_long", first.Values["Reason"]);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.StartsWith("Answered ", StringComparison.Ordinal));
    }

    private static TimeSpan RefusalLogInterval => Core.Diagnostics.RefusalLog.DefaultInterval;

    private List<LogEntry> Refusals() => [.. _logs.Entries.Where(e => e.Message.StartsWith("Chat message refused", StringComparison.Ordinal))];

    private static ChatRequest Web(string text) => new(Platforms.Web, "conversation", "client-1", text) { ChannelId = "web" };
}

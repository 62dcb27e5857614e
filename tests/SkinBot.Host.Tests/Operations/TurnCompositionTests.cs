using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;
using SkinBot.Host.Operations;
using SkinBot.Testing.Fakes;

namespace SkinBot.Host.Tests.Operations;

/// <summary>AddSkinBotTurns composes the pipeline every door runs: the limits in front of whatever engine is registered.</summary>
public sealed class TurnCompositionTests
{
    private static readonly IConfiguration OnePermit = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Limits:PerUserPermitsPerMinute"] = "1",
    }).Build();

    [Fact]
    public async Task Every_turn_passes_the_limits_before_it_reaches_the_engine()
    {
        var engine = new FakeChatEngine(HostAnswers.Substantive);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IChatEngine>(engine);
        services.AddSkinBotTurns(OnePermit);
        await using var provider = services.BuildServiceProvider();
        var turns = provider.GetRequiredService<ITurnRunner>();

        var first = await turns.RunAsync(Discord("what are boxcar scars?"), TurnOptions.None, CancellationToken.None);
        var second = await turns.RunAsync(Discord("what are boxcar scars?"), TurnOptions.None, CancellationToken.None);

        Assert.IsType<TurnResult.Answered>(first);
        Assert.IsType<TurnResult.RateLimited>(second);
        Assert.Single(engine.Requests);
    }

    [Fact]
    public async Task The_engine_may_be_registered_before_or_after_the_turns()
    {
        var engine = new FakeChatEngine(HostAnswers.Substantive);
        var services = new ServiceCollection().AddLogging();
        services.AddSkinBotTurns(OnePermit);
        services.AddSingleton<IChatEngine>(engine);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ITurnRunner>().RunAsync(Discord("what are ice pick scars?"), TurnOptions.None, CancellationToken.None);

        Assert.Equal("Ice pick scars", Assert.IsType<TurnResult.Answered>(result).Answer.Headline);
        Assert.Single(engine.Requests);
    }

    [Theory]
    [InlineData("Limits:PerUserPermitsPerMinute", "0")]
    [InlineData("Limits:PerChannelPermitsPerMinute", "-1")]
    [InlineData("Limits:MaxMessageLength", "0")]
    [InlineData("Telemetry:OtlpEndpoint", "not a uri")]
    [InlineData("Telemetry:OtlpProtocol", "carrier-pigeon")]
    public async Task Invalid_limits_or_telemetry_settings_stop_the_host_from_starting(string key, string value)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddSingleton<IChatEngine>(new FakeChatEngine(HostAnswers.Substantive));
        builder.Services.AddSkinBotTurns(builder.Configuration);
        builder.Services.AddSkinBotOperations(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ChatRequest Discord(string text) => new(Platforms.Discord, "general", "alice", text) { ChannelId = "general" };
}

using Microsoft.Extensions.Options;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("Discord:PublicKey", "abc123")]
    [InlineData("Discord:PublicKey", "zz11111111111111111111111111111111111111111111111111111111111111")]
    [InlineData("Discord:ShardId", "2")]
    [InlineData("Discord:ShardCount", "0")]
    [InlineData("Discord:ApplicationId", "my-app")]
    [InlineData("Discord:Channels:0", "general")]
    [InlineData("Discord:ApiBaseUrl", "discord.com/api")]
    [InlineData("Discord:GatewayUrl", "https://gateway.discord.gg")]
    [InlineData("Discord:InteractionAnswerBudget", "00:00:03")]
    [InlineData("Discord:InteractionAnswerBudget", "00:00:02.500")]
    [InlineData("Discord:BotToken", "Bot abc")]
    [InlineData("Discord:ApiBaseUrl", "http://discord.com/api/v10")]
    [InlineData("Discord:ApiBaseUrl", "http://10.0.0.5:8080/api/v10")]
    [InlineData("Discord:ApiBaseUrl", "http://127.0.0.1.evil.example/api")]
    [InlineData("Discord:ApiBaseUrl", "ftp://discord.com/api")]
    [InlineData("Discord:GatewayUrl", "ws://gateway.discord.gg")]
    [InlineData("Discord:InteractionTimestampTolerance", "00:00:00")]
    [InlineData("Discord:InteractionTimestampTolerance", "-00:01:00")]
    [InlineData("Discord:InteractionTimestampTolerance", "00:16:00")]
    public async Task A_bad_setting_stops_the_host_at_start_naming_the_key(string key, string value)
    {
        var settings = BotHost.Settings(null, withToken: false);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings));

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message.Replace("abc123", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defaults_are_valid()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>());

        Assert.NotNull(bot.Services);
    }

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "https://discord.com/api/v10")]
    [InlineData("Discord:ApiBaseUrl", "http://127.0.0.1:5001/api/v10")]
    [InlineData("Discord:ApiBaseUrl", "http://[::1]:5001/api/v10")]
    [InlineData("Discord:ApiBaseUrl", "http://localhost:5001/api/v10")]
    [InlineData("Discord:GatewayUrl", "wss://gateway.discord.gg")]
    [InlineData("Discord:GatewayUrl", "ws://127.0.0.1:5002")]
    public async Task Plain_http_is_allowed_only_to_this_machine(string key, string value)
    {
        var settings = BotHost.Settings(null, withToken: false);
        settings[key] = value;

        await using var bot = await BotHost.StartAsync(settings);

        Assert.NotNull(bot.Services);
    }
}

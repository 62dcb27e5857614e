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
}

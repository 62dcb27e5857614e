using SkinBot.Discord.Tests.Fakes;
using static SkinBot.Discord.Tests.GatewayTests;

namespace SkinBot.Discord.Tests;

/// <summary>SIGTERM on a gateway pod (issue 12): stop taking messages, answer the ones taken, leave the session resumable.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task A_message_taken_from_the_gateway_before_shutdown_is_still_answered_after_the_gateway_closes()
    {
        var engine = new DiscordEngine { HoldSlowUntilReleased = true };
        await using var discord = await FakeDiscord.StartAsync();
        var bot = await BotHost.StartAsync(BotHost.Settings(discord), engine);
        await discord.Gateway.WaitForReadyAsync();
        var connection = Assert.Single(discord.Gateway.Connections);
        var id = Payloads.NewId();
        discord.Gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(
            id, $"<@{FakeGateway.BotUserId}> [slow] what are boxcar scars?", Payloads.ChannelId, Payloads.GuildId, Payloads.UserId, false, [FakeGateway.BotUserId], null, null, null));
        await Eventually(() => engine.Requests.Count == 1);

        var stopping = bot.DisposeAsync().AsTask();
        // The gateway goes first, so no new message is taken, while the one in hand is still being answered.
        await Eventually(() => connection.ClientCloseCode is not null);
        Assert.False(stopping.IsCompleted);
        engine.ReleaseSlow();
        await stopping;

        var reply = Assert.Single(discord.Rest.Calls, c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.Equal(200, reply.Status);
        Assert.Contains(id, reply.Body!.Value.GetRawText(), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Discord.Gateway;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>A fake Discord plus a bot connected to it over the gateway.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private GatewayHarness(FakeDiscord discord, BotHost bot)
    {
        Discord = discord;
        Bot = bot;
    }

    public FakeDiscord Discord { get; }

    public BotHost Bot { get; }

    public FakeGateway Gateway => Discord.Gateway;

    public FakeRestApi Rest => Discord.Rest;

    public static async Task<GatewayHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null, Action<FakeGateway>? gateway = null, bool waitForReady = true)
    {
        var discord = await FakeDiscord.StartAsync();
        gateway?.Invoke(discord.Gateway);
        var settings = BotHost.Settings(discord);
        configure?.Invoke(settings);
        var bot = await BotHost.StartAsync(settings);
        var harness = new GatewayHarness(discord, bot);
        if (waitForReady)
        {
            await discord.Gateway.WaitForReadyAsync();
            // The fake counts READY once sent; a fault before the bot has read it would turn a resume into an identify.
            var status = bot.Services.GetRequiredService<GatewayStatus>();
            await GatewayTests.Eventually(() => status.Connected);
        }

        return harness;
    }

    /// <summary>Sends a MESSAGE_CREATE and returns its id.</summary>
    public string Say(string content, string? channelId = null, string? guildId = Payloads.GuildId, bool mention = true, string? id = null,
        string authorId = Payloads.UserId, bool authorIsBot = false, string? webhookId = null, string? repliedToAuthor = null, string[]? mentionRoles = null)
    {
        id ??= Payloads.NewId();
        Gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(
            id,
            mention ? $"<@{FakeGateway.BotUserId}> {content}" : content,
            channelId ?? Payloads.ChannelId,
            guildId,
            authorId,
            authorIsBot,
            mention ? [FakeGateway.BotUserId] : [],
            mentionRoles,
            webhookId,
            repliedToAuthor));
        return id;
    }

    /// <summary>Successful create-message calls so far, as (channel, replied-to message id, body).</summary>
    public IReadOnlyList<(string Channel, string? ReplyTo, JsonElement Body)> Replies() =>
        [.. Rest.Calls
            .Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Status == 200)
            .Select(c => (
                c.Path.Split('/')[2],
                c.Body!.Value.TryGetProperty("message_reference", out var reference) ? reference.GetProperty("message_id").GetString() : null,
                c.Body.Value))];

    public Task<IReadOnlyList<RecordedCall>> WaitForRepliesAsync(int count, TimeSpan? timeout = null) =>
        Rest.WaitForAsync(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal), count, timeout);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Discord.DisposeAsync();
    }
}

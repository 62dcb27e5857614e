using System.Text.Json;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Rest;

/// <summary>The Discord endpoints SkinBot uses. Every message body goes through <see cref="MessageBody"/>.</summary>
internal sealed partial class DiscordRestClient
{
    public Task CreateMessageAsync(Snowflake channelId, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), MessageBody.From(message), cancellationToken);

    public Task TriggerTypingAsync(Snowflake channelId, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.TriggerTyping(channelId), null, cancellationToken);

    /// <summary>The initial response; the token is useless for it after <paramref name="deadline"/> (3 s after the interaction arrived).</summary>
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string token, InteractionResponse response, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.InteractionCallback(interactionId, token), response, cancellationToken, deadline);

    public Task EditOriginalResponseAsync(Snowflake applicationId, string token, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.EditOriginal(applicationId, token), MessageBody.ForEdit(message), cancellationToken);

    public Task DeleteOriginalResponseAsync(Snowflake applicationId, string token, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.DeleteOriginal(applicationId, token), null, cancellationToken);

    public Task CreateFollowUpMessageAsync(Snowflake applicationId, string token, OutgoingMessage message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateFollowUp(applicationId, token), MessageBody.From(message), cancellationToken);

    public async Task<int> BulkOverwriteCommandsAsync(Snowflake applicationId, Snowflake? guildId, object commands, CancellationToken cancellationToken)
    {
        var route = guildId is { } guild
            ? DiscordRoute.BulkOverwriteGuildCommands(applicationId, guild)
            : DiscordRoute.BulkOverwriteGlobalCommands(applicationId);
        var result = await SendAsync(route, commands, cancellationToken);
        return result is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : 0;
    }

    /// <summary>GET /gateway/bot: the URL to connect to and how many identifies are left today.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync(DiscordRoute.GetGatewayBot(), null, cancellationToken);
        return result is { } json
            ? DiscordJson.Deserialize<GatewayBotInfo>(json) ?? throw new JsonException("Empty /gateway/bot response.")
            : throw new JsonException("Empty /gateway/bot response.");
    }
}

internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit? SessionStartLimit);

internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

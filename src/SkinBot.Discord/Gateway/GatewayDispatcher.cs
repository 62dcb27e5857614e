using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Messages;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// Decodes the dispatch events SkinBot cares about and hands them off: messages to their channel's queue,
/// interactions to the shared interaction handler. Nothing here waits on the network.
/// </summary>
internal sealed partial class GatewayDispatcher : IGatewayDispatchSink
{
    private readonly BotIdentity identity;
    private readonly IDeliveryLedger deliveries;
    private readonly ChannelWorkQueue queue;
    private readonly MessageResponder responder;
    private readonly InteractionHandler interactions;
    private readonly Rest.DiscordRestClient rest;
    private readonly IHostApplicationLifetime lifetime;
    private readonly TimeProvider time;
    private readonly ILogger<GatewayDispatcher> logger;
    private readonly HashSet<Snowflake> channels;

    public GatewayDispatcher(
        BotIdentity identity,
        IDeliveryLedger deliveries,
        ChannelWorkQueue queue,
        MessageResponder responder,
        InteractionHandler interactions,
        Rest.DiscordRestClient rest,
        IOptions<DiscordOptions> options,
        IHostApplicationLifetime lifetime,
        TimeProvider time,
        ILogger<GatewayDispatcher> logger)
    {
        this.identity = identity;
        this.deliveries = deliveries;
        this.queue = queue;
        this.responder = responder;
        this.interactions = interactions;
        this.rest = rest;
        this.lifetime = lifetime;
        this.time = time;
        this.logger = logger;
        channels = [.. options.Value.Channels.Select(c => Snowflake.TryParse(c?.Trim(), out var id) ? id : default).Where(id => id.Value != 0)];
    }

    public void Dispatch(string eventName, JsonElement data)
    {
        switch (eventName)
        {
            case "READY":
                identity.SetUser(data.GetProperty("user").GetProperty("id").Deserialize<Snowflake>(DiscordJson.Options));
                break;
            case "GUILD_CREATE":
                LearnManagedRole(data);
                break;
            case "GUILD_ROLE_CREATE" or "GUILD_ROLE_UPDATE":
                if (data.TryGetProperty("guild_id", out var guild) && data.TryGetProperty("role", out var role))
                {
                    LearnRole(guild.Deserialize<Snowflake>(DiscordJson.Options), role);
                }

                break;
            case "MESSAGE_CREATE":
                OnMessage(DiscordJson.Deserialize<MessageCreate>(data)!);
                break;
            case "INTERACTION_CREATE":
                OnInteraction(DiscordJson.Deserialize<Interaction>(data)!);
                break;
        }
    }

    private void OnMessage(MessageCreate message)
    {
        if (identity.UserId is not { } botId || !MentionRules.ShouldAnswer(message, botId, identity, channels))
        {
            return;
        }

        var question = MentionRules.StripOwnMentions(message.Content, botId, identity.ManagedRoles);
        // The claim runs on the channel's queue, not here: a shared ledger is a network round trip, and the
        // receive loop must not wait on it.
        if (!queue.TryEnqueue(message.ChannelId, "message " + message.Id, ct => ClaimAndRespondAsync(message, question, ct)))
        {
            LogQueueFull(message.Id, queue.Pending);
        }
    }

    private void OnInteraction(Interaction interaction)
    {
        if (string.IsNullOrEmpty(interaction.Token))
        {
            return;
        }

        // Interactions have a 3-second deadline, so they do not wait behind a channel's queued messages.
        var callback = new CallbackInteractionResponder(rest, interaction.Id, interaction.Token, time.GetUtcNow() + CallbackInteractionResponder.ResponseWindow);
        _ = Task.Run(async () =>
        {
            try
            {
                if (!await deliveries.TryClaimAsync(DeliveryKey.Discord(interaction.Id.Value), lifetime.ApplicationStopping).ConfigureAwait(false))
                {
                    LogDuplicate(interaction.Id);
                    return;
                }

                await interactions.HandleAsync(interaction, callback, lifetime.ApplicationStopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogInteractionFailed(ex, interaction.Id);
            }
        });
    }

    private async Task ClaimAndRespondAsync(MessageCreate message, string question, CancellationToken cancellationToken)
    {
        if (!await deliveries.TryClaimAsync(DeliveryKey.Discord(message.Id.Value), cancellationToken).ConfigureAwait(false))
        {
            LogDuplicate(message.Id);
            return;
        }

        await responder.RespondAsync(message, question, cancellationToken).ConfigureAwait(false);
    }

    private void LearnManagedRole(JsonElement guild)
    {
        if (!guild.TryGetProperty("id", out var id) || !guild.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var guildId = id.Deserialize<Snowflake>(DiscordJson.Options);
        foreach (var role in roles.EnumerateArray())
        {
            LearnRole(guildId, role);
        }
    }

    /// <summary>The bot's managed role is the one whose tags.bot_id is the bot's user id.</summary>
    private void LearnRole(Snowflake guildId, JsonElement role)
    {
        if (identity.UserId is { } botId
            && role.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
            && tags.TryGetProperty("bot_id", out var botIdJson) && botIdJson.ValueKind == JsonValueKind.String
            && botIdJson.GetString() == botId.ToString()
            && role.TryGetProperty("id", out var roleId))
        {
            identity.SetManagedRole(guildId, roleId.Deserialize<Snowflake>(DiscordJson.Options));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} already answered (replayed event); skipped")]
    private partial void LogDuplicate(Snowflake messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} not answered: {Pending} messages already waiting")]
    private partial void LogQueueFull(Snowflake messageId, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway interaction {InteractionId} failed")]
    private partial void LogInteractionFailed(Exception exception, Snowflake interactionId);
}

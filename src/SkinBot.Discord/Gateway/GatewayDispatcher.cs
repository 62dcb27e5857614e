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
    private readonly BotIdentity _identity;
    private readonly IDeliveryLedger _deliveries;
    private readonly ChannelWorkQueue _queue;
    private readonly MessageResponder _responder;
    private readonly InteractionHandler _interactions;
    private readonly Rest.DiscordRestClient _rest;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayDispatcher> _logger;
    private readonly HashSet<Snowflake> _channels;

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
        _identity = identity;
        _deliveries = deliveries;
        _queue = queue;
        _responder = responder;
        _interactions = interactions;
        _rest = rest;
        _lifetime = lifetime;
        _time = time;
        _logger = logger;
        _channels = [.. options.Value.Channels.Select(c => Snowflake.TryParse(c?.Trim(), out var id) ? id : default).Where(id => id.Value != 0)];
    }

    public void Dispatch(string eventName, JsonElement data)
    {
        switch (eventName)
        {
            case "READY":
                _identity.SetUser(data.GetProperty("user").GetProperty("id").Deserialize<Snowflake>(DiscordJson.Options));
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
        if (_identity.UserId is not { } botId || !MentionRules.ShouldAnswer(message, botId, _identity, _channels))
        {
            return;
        }

        var question = MentionRules.StripOwnMentions(message.Content, botId, _identity.ManagedRoles);
        // The claim runs on the channel's queue, not here: a shared ledger is a network round trip, and the
        // receive loop must not wait on it.
        if (!_queue.TryEnqueue(message.ChannelId, "message " + message.Id, ct => ClaimAndRespondAsync(message, question, ct)))
        {
            LogQueueFull(message.Id, _queue.Pending);
        }
    }

    private void OnInteraction(Interaction interaction)
    {
        if (string.IsNullOrEmpty(interaction.Token))
        {
            return;
        }

        // Interactions have a 3-second deadline, so they do not wait behind a channel's queued messages.
        var callback = new CallbackInteractionResponder(_rest, interaction.Id, interaction.Token, _time.GetUtcNow() + CallbackInteractionResponder.ResponseWindow);
        _ = Task.Run(async () =>
        {
            try
            {
                if (!await _deliveries.TryClaimAsync(DeliveryKey.Discord(interaction.Id.Value), _lifetime.ApplicationStopping))
                {
                    LogDuplicate(interaction.Id);
                    return;
                }

                await _interactions.HandleAsync(interaction, callback, _lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogInteractionFailed(ex, interaction.Id);
            }
        });
    }

    private async Task ClaimAndRespondAsync(MessageCreate message, string question, CancellationToken cancellationToken)
    {
        if (!await _deliveries.TryClaimAsync(DeliveryKey.Discord(message.Id.Value), cancellationToken))
        {
            LogDuplicate(message.Id);
            return;
        }

        await _responder.RespondAsync(message, question, cancellationToken);
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
        if (_identity.UserId is { } botId
            && role.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
            && tags.TryGetProperty("bot_id", out var botIdJson) && botIdJson.ValueKind == JsonValueKind.String
            && botIdJson.GetString() == botId.ToString()
            && role.TryGetProperty("id", out var roleId))
        {
            _identity.SetManagedRole(guildId, roleId.Deserialize<Snowflake>(DiscordJson.Options));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} already answered (replayed event); skipped")]
    private partial void LogDuplicate(Snowflake messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} not answered: {Pending} messages already waiting")]
    private partial void LogQueueFull(Snowflake messageId, int pending);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway interaction {InteractionId} failed")]
    private partial void LogInteractionFailed(Exception exception, Snowflake interactionId);
}

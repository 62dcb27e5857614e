using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Answers one channel message or DM: runs the turn, showing typing when the answer takes a while, and replies to the
/// message (message_reference). A reply that cannot be delivered after retries is logged with the message id.
/// </summary>
internal sealed partial class MessageResponder(
    ITurnRunner turns,
    DiscordRestClient rest,
    ForbiddenChannels forbidden,
    IOptions<DiscordOptions> options,
    DiscordMetrics metrics,
    ILogger<MessageResponder> logger)
{
    public async Task RespondAsync(MessageCreate message, string question, CancellationToken cancellationToken)
    {
        if (forbidden.IsForbidden(message.ChannelId))
        {
            LogSkippedForbidden(message.Id, message.ChannelId);
            return;
        }

        var author = message.Author!.Id.ToString();
        // A bare mention (empty question) asks for help; the pipeline reads that and any typed command.
        var request = new ChatRequest(Platforms.Discord, message.ChannelId.ToString(), author, question)
        {
            ChannelId = message.ChannelId.ToString(),
            CorrelationId = "discord-message-" + message.Id,
        };
        LogAnswering(message.Id, message.ChannelId, message.GuildId is null);

        TurnResult? result;
        try
        {
            var typing = TurnOptions.WhenSlow(options.Value.TypingIndicatorDelay, typingToken => ShowTypingAsync(message.ChannelId, typingToken));
            result = await turns.RunAsync(request, typing, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogEngineFailed(ex, message.Id);
            result = null;
        }

        if (result is TurnResult.RateLimited { AlreadyTold: true })
        {
            // The channel has seen the notice already; answering every message of a flood would be a flood too.
            LogAlreadyTold(message.Id);
            return;
        }

        var messages = result is null
            ? [OutgoingMessage.Text(Interactions.InteractionHandler.FailureText)]
            : options.Value.ReplyStyle == DiscordReplyStyle.Text
                ? AnswerRenderer.RenderText(result.Reply)
                : [AnswerRenderer.RenderEmbed(result.Reply)];
        var reference = new MessageReference(message.Id, message.ChannelId, message.GuildId);
        for (var i = 0; i < messages.Count; i++)
        {
            var outgoing = messages[i] with
            {
                // Only the first piece is a reply; the nonce makes a retried send idempotent.
                ReplyTo = i == 0 ? reference : null,
                Nonce = $"{message.Id}-{i}",
            };
            try
            {
                await rest.CreateMessageAsync(message.ChannelId, outgoing, cancellationToken);
            }
            catch (DiscordRestException ex)
            {
                forbidden.RememberIfForbidden(message.ChannelId, ex);
                metrics.SendFailures.Add(1);
                LogSendFailed(ex, message.Id, message.ChannelId, i + 1, messages.Count, (int?)ex.Status, ex.DiscordCode);
                return;
            }
        }

        metrics.MessagesAnswered.Add(1, new KeyValuePair<string, object?>("source", "message"));
        LogAnswered(message.Id, result?.Reply.Intent ?? "failure", messages.Count);
    }

    private async Task ShowTypingAsync(Snowflake channelId, CancellationToken cancellationToken)
    {
        try
        {
            await rest.TriggerTypingAsync(channelId, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            forbidden.RememberIfForbidden(channelId, ex);
            LogTypingFailed(channelId, (int?)ex.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering message {MessageId} in channel {ChannelId} (DM: {IsDirect})")]
    private partial void LogAnswering(Snowflake messageId, Snowflake channelId, bool isDirect);

    // Debug: the turn itself was logged once, with its outcome, by the pipeline.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered message {MessageId} ({Intent}) in {Parts} message(s)")]
    private partial void LogAnswered(Snowflake messageId, string intent, int parts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} not answered: channel {ChannelId} refused us recently")]
    private partial void LogSkippedForbidden(Snowflake messageId, Snowflake channelId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} is over a limit whose notice the channel already has; nothing sent")]
    private partial void LogAlreadyTold(Snowflake messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on message {MessageId}; replying with an apology")]
    private partial void LogEngineFailed(Exception exception, Snowflake messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the reply to message {MessageId} in channel {ChannelId} (part {Part} of {Parts}): status {Status}, code {Code}")]
    private partial void LogSendFailed(Exception exception, Snowflake messageId, Snowflake channelId, int part, int parts, int? status, int? code);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Typing indicator in {ChannelId} failed with {Status}")]
    private partial void LogTypingFailed(Snowflake channelId, int? status);
}

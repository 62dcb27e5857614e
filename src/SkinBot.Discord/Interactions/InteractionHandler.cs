using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Feedback;
using SkinBot.Core.Safety;
using SkinBot.Core.Turns;
using SkinBot.Discord.Commands;
using SkinBot.Discord.Rendering;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Interactions;

/// <summary>
/// Answers an interaction the same way whether it came over HTTP or the gateway. Commands reply with a new
/// message; a follow-up button answers in place (UPDATE_MESSAGE on the message carrying the button). When the
/// engine is not done within <see cref="DiscordOptions.InteractionAnswerBudget"/> the reply is deferred and the
/// answer is filled in with <c>PATCH /webhooks/{app}/{token}/messages/@original</c>.
/// </summary>
internal sealed partial class InteractionHandler(
    ITurnRunner turns,
    IServiceProvider services,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    internal const string UnknownCommandText = "I don't know that command. Try /skinbot help.";
    internal const string VoteOffText = "Thanks. Feedback isn't switched on here, so nothing was kept.";
    internal const string StaleButtonText = "That button no longer works. Ask again with /ask.";
    internal const string FailureText = "Sorry, I couldn't answer that just now. Please try again in a moment. " + SafetyNet.Text;

    /// <summary>Interaction tokens stay valid for webhook calls this long.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Runs until the interaction is fully answered; the responder is called exactly once.</summary>
    public async Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        LogReceived(interaction.Id, interaction.Type, interaction.Data?.Name);
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                await responder.RespondAsync(InteractionResponse.Pong, cancellationToken);
                return;
            case InteractionType.ApplicationCommandAutocomplete:
                var catalog = services.GetService<ITopicCatalog>();
                await responder.RespondAsync(InteractionResponse.Autocomplete(TreatmentAutocomplete.Suggest(interaction.Data, catalog)), cancellationToken);
                return;
            case InteractionType.ApplicationCommand:
                if (SlashCommandTranslator.Translate(interaction.Data) is not { } command)
                {
                    await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(UnknownCommandText, ephemeral: true)), cancellationToken);
                    return;
                }

                var request = ToRequest(interaction, command.Text) with { Command = command.Command };
                await AnswerAsync(interaction, request, isComponent: false, command.Private, responder, cancellationToken);
                return;
            case InteractionType.MessageComponent when VoteCustomId.TryParse(interaction.Data?.CustomId) is { } pressed:
                await VoteInteractions.PressAsync(interaction, pressed, services.GetService<IFeedbackVotes>(), responder, cancellationToken);
                return;
            case InteractionType.ModalSubmit when VoteReasonModal.TryRead(interaction.Data) is { } reason:
                await VoteInteractions.SubmitReasonAsync(interaction, reason, services.GetService<IFeedbackVotes>(), responder, cancellationToken);
                return;
            case InteractionType.MessageComponent:
                if (FollowUpCustomId.TryParse(interaction.Data?.CustomId) is not { } question)
                {
                    await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(StaleButtonText, ephemeral: true)), cancellationToken);
                    return;
                }

                // The question is asked verbatim, as if typed.
                var followUp = ToRequest(interaction, question);
                await AnswerAsync(interaction, followUp, isComponent: true, isPrivate: false, responder, cancellationToken);
                return;
            default:
                await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(UnknownCommandText, ephemeral: true)), cancellationToken);
                return;
        }
    }

    private async Task AnswerAsync(Interaction interaction, ChatRequest request, bool isComponent, bool isPrivate, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var received = time.GetTimestamp();
        var deferral = new Deferral(this, interaction, responder, isComponent ? InteractionResponse.DeferredUpdate : InteractionResponse.DeferredMessage(isPrivate));
        TurnResult? result;
        try
        {
            // Past the budget the interaction is deferred (Discord drops one with no response within 3 s) and the answer
            // edited in when it comes.
            result = await turns.RunAsync(request, TurnOptions.WhenSlow(options.Value.InteractionAnswerBudget, deferral.SendAsync), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A broken engine must still acknowledge the interaction: the person gets an apology.
            LogEngineFailed(ex, request.CorrelationId);
            result = null;
        }

        deferral.Failure?.Throw();
        if (!deferral.Sent)
        {
            await responder.RespondAsync(Immediate(result, isComponent, isPrivate), cancellationToken);
            Answered(interaction, result);
            return;
        }

        try
        {
            await responder.WhenDeliveredAsync(cancellationToken);
            await DeliverDeferredAsync(interaction, result, isComponent, isPrivate, received, cancellationToken);
            Answered(interaction, result);
        }
        catch (DiscordRestException ex) when (ex.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Unauthorized)
        {
            // The interaction token expired (15 minutes) or the message is gone: nothing left to edit.
            metrics.SendFailures.Add(1);
            LogWebhookGone(interaction.Id, (int)ex.Status!, ex.DiscordCode);
        }
        catch (DiscordRestException ex)
        {
            metrics.SendFailures.Add(1);
            LogDeferredFailed(ex, interaction.Id, ex.RouteTemplate, (int?)ex.Status, ex.DiscordCode);
        }
    }

    /// <summary>The one initial response, when the turn ended before the budget; null is the engine having failed.</summary>
    private static InteractionResponse Immediate(TurnResult? result, bool isComponent, bool isPrivate) => result switch
    {
        null => InteractionResponse.Message(OutgoingMessage.Text(FailureText, ephemeral: true)),

        // An interaction must be answered, so where a channel message would get nothing, the asker alone is reminded.
        TurnResult.RateLimited { AlreadyTold: true } refusal => InteractionResponse.Message(AnswerRenderer.RenderReminder(refusal.Notice)),
        _ when isComponent => InteractionResponse.UpdateMessage(AnswerRenderer.RenderEmbed(result.Reply)),
        _ => InteractionResponse.Message(AnswerRenderer.RenderEmbed(result.Reply, isPrivate)),
    };

    private async Task DeliverDeferredAsync(Interaction interaction, TurnResult? result, bool isComponent, bool isPrivate, long received, CancellationToken cancellationToken)
    {
        var token = interaction.Token ?? string.Empty;
        var app = interaction.ApplicationId;
        var privateNotice = result switch
        {
            null => OutgoingMessage.Text(FailureText, ephemeral: true),
            TurnResult.RateLimited { AlreadyTold: true } refusal => AnswerRenderer.RenderReminder(refusal.Notice),
            _ => null,
        };
        if (privateNotice is not null)
        {
            if (!isComponent && !isPrivate)
            {
                // The public "thinking…" placeholder cannot turn ephemeral: remove it, then tell only the asker.
                await FirstWebhookCallAsync(interaction, received, () => rest.DeleteOriginalResponseAsync(app, token, cancellationToken), cancellationToken);
                await rest.CreateFollowUpMessageAsync(app, token, privateNotice, cancellationToken);
            }
            else if (isComponent)
            {
                await FirstWebhookCallAsync(interaction, received, () => rest.CreateFollowUpMessageAsync(app, token, privateNotice, cancellationToken), cancellationToken);
            }
            else
            {
                await FirstWebhookCallAsync(interaction, received, () => rest.EditOriginalResponseAsync(app, token, privateNotice, cancellationToken), cancellationToken);
            }

            return;
        }

        var embed = AnswerRenderer.RenderEmbed(result!.Reply, isPrivate);
        await FirstWebhookCallAsync(interaction, received, () => rest.EditOriginalResponseAsync(app, token, embed, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Discord may not have registered the deferred response yet when the first webhook call arrives and answers
    /// 404; one more try a moment later, while the token is still valid, tells that apart from a gone message.
    /// </summary>
    private async Task FirstWebhookCallAsync(Interaction interaction, long received, Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
        }
        catch (DiscordRestException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound
                                              && time.GetElapsedTime(received) + options.Value.DeferredEditRetryDelay < TokenLifetime)
        {
            LogWebhookRetry(interaction.Id, ex.DiscordCode);
            await Task.Delay(options.Value.DeferredEditRetryDelay, time, cancellationToken);
            await call();
        }
    }

    private static ChatRequest ToRequest(Interaction interaction, string text)
    {
        var channel = interaction.EffectiveChannelId?.ToString();
        var user = interaction.Invoker?.Id.ToString() ?? "unknown";
        return new ChatRequest(Platforms.Discord, channel ?? "dm:" + user, user, text)
        {
            ChannelId = channel,
            CorrelationId = "discord-interaction-" + interaction.Id,
        };
    }

    private void Answered(Interaction interaction, TurnResult? result)
    {
        metrics.MessagesAnswered.Add(1, new KeyValuePair<string, object?>("source", "interaction"));
        LogAnswered(interaction.Id, result?.Reply.Intent ?? "failure");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} of type {Type} ({Command})")]
    private partial void LogReceived(Snowflake interactionId, int type, string? command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} deferred: the answer took longer than the budget")]
    private partial void LogDeferred(Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the first webhook call answered 404 (code {Code}); trying once more")]
    private partial void LogWebhookRetry(Snowflake interactionId, int? code);

    // Debug: the turn itself was logged once, with its outcome, by the pipeline.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} answered ({Intent})")]
    private partial void LogAnswered(Snowflake interactionId, string intent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the deferred answer of interaction {InteractionId} via {Route}: status {Status}, code {Code}")]
    private partial void LogDeferredFailed(Exception exception, Snowflake interactionId, string route, int? status, int? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped the deferred answer of interaction {InteractionId}: its webhook answered {Status} (code {Code}); the token has expired or the message was deleted")]
    private partial void LogWebhookGone(Snowflake interactionId, int status, int? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on request {CorrelationId}; replying with an apology")]
    private partial void LogEngineFailed(Exception exception, string correlationId);

    /// <summary>The deferred response, sent if the answer is slow; whether it went, and how it failed if it did not.</summary>
    private sealed class Deferral(InteractionHandler handler, Interaction interaction, IInteractionResponder responder, InteractionResponse response)
    {
        public bool Sent { get; private set; }

        /// <summary>Thrown once the turn is over, as a failure of the handler, not of the engine.</summary>
        public ExceptionDispatchInfo? Failure { get; private set; }

        public async Task SendAsync(CancellationToken cancellationToken)
        {
            handler.LogDeferred(interaction.Id);
            try
            {
                await responder.RespondAsync(response, cancellationToken);
                Sent = true;
            }
            catch (Exception ex)
            {
                Failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }
}

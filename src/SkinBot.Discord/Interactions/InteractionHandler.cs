using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Safety;
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
    IChatEngine engine,
    IServiceProvider services,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    internal const string UnknownCommandText = "I don't know that command. Try /skinbot help.";
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
                await responder.RespondAsync(InteractionResponse.Pong, cancellationToken).ConfigureAwait(false);
                return;
            case InteractionType.ApplicationCommandAutocomplete:
                var catalog = services.GetService<ITopicCatalog>();
                await responder.RespondAsync(InteractionResponse.Autocomplete(TreatmentAutocomplete.Suggest(interaction.Data, catalog)), cancellationToken).ConfigureAwait(false);
                return;
            case InteractionType.ApplicationCommand:
                if (SlashCommandTranslator.Translate(interaction.Data) is not { } command)
                {
                    await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(UnknownCommandText, ephemeral: true)), cancellationToken).ConfigureAwait(false);
                    return;
                }

                var request = ToRequest(interaction, command.Text) with { Command = command.Command };
                await AnswerAsync(interaction, request, isComponent: false, command.Private, responder, cancellationToken).ConfigureAwait(false);
                return;
            case InteractionType.MessageComponent:
                if (FollowUpCustomId.TryParse(interaction.Data?.CustomId) is not { } question)
                {
                    await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(StaleButtonText, ephemeral: true)), cancellationToken).ConfigureAwait(false);
                    return;
                }

                // The question is asked verbatim, as if typed.
                var followUp = ToRequest(interaction, question) with { Command = TypedCommandParser.TryParse(question) };
                await AnswerAsync(interaction, followUp, isComponent: true, isPrivate: false, responder, cancellationToken).ConfigureAwait(false);
                return;
            default:
                await responder.RespondAsync(InteractionResponse.Message(OutgoingMessage.Text(UnknownCommandText, ephemeral: true)), cancellationToken).ConfigureAwait(false);
                return;
        }
    }

    private async Task AnswerAsync(Interaction interaction, ChatRequest request, bool isComponent, bool isPrivate, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var received = time.GetTimestamp();
        Task<Answer?> answerTask;
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // The timer starts first and the engine starts on its own thread: an engine that works synchronously
            // before its first await would otherwise finish the whole answer before the budget even exists, and on
            // a pool thread that synchronous work could starve the timer's own callback on a small machine.
            var timer = Task.Delay(options.Value.InteractionAnswerBudget, time, budget.Token);
            answerTask = Task.Factory.StartNew(
                () => AskEngineAsync(request, cancellationToken),
                CancellationToken.None,
                TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default).Unwrap();
            var first = await Task.WhenAny(answerTask, timer).ConfigureAwait(false);
            await budget.CancelAsync().ConfigureAwait(false);
            if (first == answerTask)
            {
                var answer = await answerTask.ConfigureAwait(false);
                await responder.RespondAsync(Immediate(answer, isComponent, isPrivate), cancellationToken).ConfigureAwait(false);
                Answered(interaction, answer);
                return;
            }
        }

        LogDeferred(interaction.Id);
        await responder.RespondAsync(isComponent ? InteractionResponse.DeferredUpdate : InteractionResponse.DeferredMessage(isPrivate), cancellationToken).ConfigureAwait(false);
        var late = await answerTask.ConfigureAwait(false);
        try
        {
            await responder.WhenDeliveredAsync(cancellationToken).ConfigureAwait(false);
            await DeliverDeferredAsync(interaction, late, isComponent, isPrivate, received, cancellationToken).ConfigureAwait(false);
            Answered(interaction, late);
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

    /// <summary>The engine's answer, or a polite failure answer: a broken engine must still acknowledge the interaction.</summary>
    private async Task<Answer?> AskEngineAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.AnswerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogEngineFailed(ex, request.CorrelationId);
            return null;
        }
    }

    private static InteractionResponse Immediate(Answer? answer, bool isComponent, bool isPrivate)
    {
        if (answer is null)
        {
            return InteractionResponse.Message(OutgoingMessage.Text(FailureText, ephemeral: true));
        }

        if (answer.Suppressed)
        {
            return InteractionResponse.Message(AnswerRenderer.RenderSuppressed(answer));
        }

        return isComponent
            ? InteractionResponse.UpdateMessage(AnswerRenderer.RenderEmbed(answer))
            : InteractionResponse.Message(AnswerRenderer.RenderEmbed(answer, isPrivate));
    }

    private async Task DeliverDeferredAsync(Interaction interaction, Answer? answer, bool isComponent, bool isPrivate, long received, CancellationToken cancellationToken)
    {
        var token = interaction.Token ?? string.Empty;
        var app = interaction.ApplicationId;
        if (answer is null || answer.Suppressed)
        {
            var notice = answer is null ? OutgoingMessage.Text(FailureText, ephemeral: true) : AnswerRenderer.RenderSuppressed(answer);
            if (!isComponent && !isPrivate)
            {
                // The public "thinking…" placeholder cannot turn ephemeral: remove it, then tell only the asker.
                await FirstWebhookCallAsync(interaction, received, () => rest.DeleteOriginalResponseAsync(app, token, cancellationToken), cancellationToken).ConfigureAwait(false);
                await rest.CreateFollowUpMessageAsync(app, token, notice, cancellationToken).ConfigureAwait(false);
            }
            else if (isComponent)
            {
                await FirstWebhookCallAsync(interaction, received, () => rest.CreateFollowUpMessageAsync(app, token, notice, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await FirstWebhookCallAsync(interaction, received, () => rest.EditOriginalResponseAsync(app, token, notice, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var embed = AnswerRenderer.RenderEmbed(answer, isPrivate);
        await FirstWebhookCallAsync(interaction, received, () => rest.EditOriginalResponseAsync(app, token, embed, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Discord may not have registered the deferred response yet when the first webhook call arrives and answers
    /// 404; one more try a moment later, while the token is still valid, tells that apart from a gone message.
    /// </summary>
    private async Task FirstWebhookCallAsync(Interaction interaction, long received, Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.Status == System.Net.HttpStatusCode.NotFound
                                              && time.GetElapsedTime(received) + options.Value.DeferredEditRetryDelay < TokenLifetime)
        {
            LogWebhookRetry(interaction.Id, ex.DiscordCode);
            await Task.Delay(options.Value.DeferredEditRetryDelay, time, cancellationToken).ConfigureAwait(false);
            await call().ConfigureAwait(false);
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

    private void Answered(Interaction interaction, Answer? answer)
    {
        metrics.MessagesAnswered.Add(1, new KeyValuePair<string, object?>("source", "interaction"));
        LogAnswered(interaction.Id, answer?.Intent ?? "failure");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {InteractionId} of type {Type} ({Command})")]
    private partial void LogReceived(Snowflake interactionId, int type, string? command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} deferred: the answer took longer than the budget")]
    private partial void LogDeferred(Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId}: the first webhook call answered 404 (code {Code}); trying once more")]
    private partial void LogWebhookRetry(Snowflake interactionId, int? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} answered ({Intent})")]
    private partial void LogAnswered(Snowflake interactionId, string intent);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the deferred answer of interaction {InteractionId} via {Route}: status {Status}, code {Code}")]
    private partial void LogDeferredFailed(Exception exception, Snowflake interactionId, string route, int? status, int? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped the deferred answer of interaction {InteractionId}: its webhook answered {Status} (code {Code}); the token has expired or the message was deleted")]
    private partial void LogWebhookGone(Snowflake interactionId, int status, int? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on request {CorrelationId}; replying with an apology")]
    private partial void LogEngineFailed(Exception exception, string correlationId);
}

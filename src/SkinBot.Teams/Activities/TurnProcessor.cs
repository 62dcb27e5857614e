using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;
using SkinBot.Teams.Connector;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Activities;

/// <summary>
/// Answers one acknowledged activity in two steps: <see cref="AnswerAsync"/> runs the turn (showing typing if it is
/// slow) and runs on an answer worker; <see cref="DeliverAsync"/> sends the result and runs without one.
/// </summary>
internal sealed partial class TurnProcessor
{
    private static readonly Task NoTyping = Task.CompletedTask;

    private readonly ITurnRunner _turns;
    private readonly ConnectorClient _connector;
    private readonly AnsweredCards _cards;
    private readonly TeamsOptions _options;
    private readonly ILogger<TurnProcessor> _logger;

    public TurnProcessor(ITurnRunner turns, ConnectorClient connector, AnsweredCards cards, IOptions<TeamsOptions> options, ILogger<TurnProcessor> logger)
    {
        _turns = turns;
        _connector = connector;
        _cards = cards;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The engine's part of a turn; null when there is nothing to send.</summary>
    public async Task<TurnReply?> AnswerAsync(TurnWorkItem item, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var conversationId = item.ConversationId;
        switch (item.Kind)
        {
            case TurnKind.Welcome:
                var help = await AskForHelpAsync(activity, conversationId, cancellationToken);
                return new TurnReply(TeamsMessageFactory.Welcome(activity, help), SendKinds.Welcome, InThread: false, NoTyping, new ReplySummary(null, help.Intent, 0));
            case TurnKind.Message:
                return await AnswerMessageAsync(item, conversationId, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>Sends what <see cref="AnswerAsync"/> produced; an undeliverable reply is logged, never thrown.</summary>
    public async Task DeliverAsync(TurnWorkItem item, TurnReply reply, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var conversationId = item.ConversationId;
        var activityId = ReplyTarget(activity);
        try
        {
            // Typing is one bounded attempt that never throws a send failure; the answer must not overtake it.
            await reply.Typing.WaitAsync(cancellationToken);
            if (reply.InThread && activityId is not null)
            {
                await _connector.ReplyToActivityAsync(item.ServiceUrl, conversationId, activityId, reply.Activity, reply.Kind, cancellationToken);
            }
            else
            {
                await _connector.SendToConversationAsync(item.ServiceUrl, conversationId, reply.Activity, reply.Kind, cancellationToken);
            }
        }
        catch (TeamsConnectorException ex)
        {
            LogUndeliverable(ex, reply.Kind, activity.Id, conversationId);
            return;
        }

        switch (reply.Kind)
        {
            case SendKinds.Welcome:
                LogWelcomed(conversationId);
                break;
            case SendKinds.Reply:
                LogAnswered(reply.Summary.CorrelationId, reply.Summary.Intent, reply.Summary.PassageCount);
                break;
        }
    }

    /// <summary>The activity a reply threads under; an activity without an id is answered in its conversation.</summary>
    private static string? ReplyTarget(Activity activity) => string.IsNullOrEmpty(activity.Id) ? null : activity.Id;

    /// <summary>The engine's help answer, so the welcome says what every other help reply says.</summary>
    private async Task<Answer> AskForHelpAsync(Activity activity, string conversationId, CancellationToken cancellationToken)
    {
        var request = new ChatRequest(Platforms.Teams, conversationId, activity.From?.Id ?? conversationId, string.Empty)
        {
            Command = ChatCommand.Of(CommandNames.Help),
            ChannelId = conversationId,
        };
        return (await _turns.RunAsync(request, TurnOptions.None, cancellationToken)).Reply;
    }

    private async Task<TurnReply?> AnswerMessageAsync(TurnWorkItem item, string conversationId, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var request = ChatRequestFactory.FromMessage(activity);
        LogAnswering(activity.Id ?? string.Empty, conversationId, request.CorrelationId);

        var typing = NoTyping;
        var showTyping = TurnOptions.WhenSlow(_options.TypingDelay, _ =>
        {
            // Not awaited: a slow connector must not hold this worker. The reply waits for it instead.
            typing = Task.Run(() => _connector.TrySendTypingAsync(item.ServiceUrl, conversationId, ReplyTarget(activity), TeamsMessageFactory.Typing(activity), cancellationToken), CancellationToken.None);
            return Task.CompletedTask;
        });
        TurnResult result;
        try
        {
            result = await _turns.RunAsync(request, showTyping, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Last-chance handler: the person hears that something broke, the log gets the detail.
            LogEngineFailed(ex, request.CorrelationId);
            return new TurnReply(TeamsMessageFactory.Apology(activity), SendKinds.Apology, InThread: true, typing, new ReplySummary(request.CorrelationId, null, 0));
        }

        if (result is TurnResult.RateLimited { AlreadyTold: true })
        {
            // The conversation has seen the notice already; answering every message of a flood would be a flood too.
            LogAlreadyTold(request.CorrelationId);
            return null;
        }

        var reply = result.Reply;
        _cards.Remember(reply, CardActionStyle.Submit);
        return new TurnReply(TeamsMessageFactory.AnswerReply(reply, activity), SendKinds.Reply, InThread: true, typing, new ReplySummary(request.CorrelationId, reply.Intent, reply.Passages.Count));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering Teams activity {ActivityId} in {ConversationId} ({CorrelationId})")]
    private partial void LogAnswering(string activityId, string conversationId, string correlationId);

    // Debug: the turn itself was logged once, with its outcome, by the pipeline.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered {CorrelationId}: intent {Intent}, {PassageCount} passages")]
    private partial void LogAnswered(string? correlationId, string? intent, int passageCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {CorrelationId} is over a limit whose notice the conversation already has; nothing sent")]
    private partial void LogAlreadyTold(string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Welcomed conversation {ConversationId}")]
    private partial void LogWelcomed(string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on {CorrelationId}; sending an apology")]
    private partial void LogEngineFailed(Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the {Kind} to activity {ActivityId} in {ConversationId}")]
    private partial void LogUndeliverable(Exception exception, string kind, string? activityId, string conversationId);
}

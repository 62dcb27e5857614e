using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Teams.Connector;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Activities;

/// <summary>
/// Answers one acknowledged activity in two steps: <see cref="AnswerAsync"/> asks the engine (showing typing if it is
/// slow) and runs on an answer worker; <see cref="DeliverAsync"/> sends the result and runs without one.
/// </summary>
internal sealed partial class TurnProcessor
{
    private static readonly Task NoTyping = Task.CompletedTask;

    private readonly IServiceScopeFactory _scopes;
    private readonly ConnectorClient _connector;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TurnProcessor> _logger;

    public TurnProcessor(IServiceScopeFactory scopes, ConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TurnProcessor> logger)
    {
        _scopes = scopes;
        _connector = connector;
        _options = options.Value;
        _time = time;
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
                return new TurnReply(TeamsMessageFactory.Welcome(activity, help), SendKinds.Welcome, InThread: false, NoTyping, new TurnOutcome(null, help.Intent, 0));
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
                LogAnswered(reply.Outcome.CorrelationId, reply.Outcome.Intent, reply.Outcome.PassageCount);
                break;
        }
    }

    /// <summary>The activity a reply threads under; an activity without an id is answered in its conversation.</summary>
    private static string? ReplyTarget(Activity activity) => string.IsNullOrEmpty(activity.Id) ? null : activity.Id;

    /// <summary>The engine's help answer, so the welcome says what every other help reply says.</summary>
    private async Task<Answer> AskForHelpAsync(Activity activity, string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IChatEngine>();
        var request = new ChatRequest(Platforms.Teams, conversationId, activity.From?.Id ?? conversationId, string.Empty)
        {
            Command = ChatCommand.Of(CommandNames.Help),
            ChannelId = conversationId,
        };
        return await engine.AnswerAsync(request, cancellationToken);
    }

    private async Task<TurnReply?> AnswerMessageAsync(TurnWorkItem item, string conversationId, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var request = ChatRequestFactory.FromMessage(activity);
        LogAnswering(activity.Id ?? string.Empty, conversationId, request.CorrelationId, request.Command?.Name);
        LogQuestion(request.CorrelationId, request.Text);

        var typing = NoTyping;
        Answer answer;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<IChatEngine>();
            // The typing timer starts first and the engine runs on the pool: the engine does its work synchronously
            // before its first await, so called inline it would finish before the timer existed and a slow answer
            // would never show typing.
            using var typingTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var typingDue = Task.Delay(_options.TypingDelay, _time, typingTimer.Token);
            var answering = Task.Run(() => engine.AnswerAsync(request, cancellationToken).AsTask(), CancellationToken.None);
            if (await Task.WhenAny(answering, typingDue) != answering && !typingDue.IsCanceled)
            {
                // Not awaited: a slow connector must not hold this worker. The reply waits for it instead.
                typing = Task.Run(() => _connector.TrySendTypingAsync(item.ServiceUrl, conversationId, ReplyTarget(activity), TeamsMessageFactory.Typing(activity), cancellationToken), CancellationToken.None);
            }

            await typingTimer.CancelAsync();

            // WaitAsync so an engine that ignores its token cannot hold shutdown past its deadline.
            answer = await answering.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Last-chance handler: the person hears that something broke, the log gets the detail.
            LogEngineFailed(ex, request.CorrelationId);
            return new TurnReply(TeamsMessageFactory.Apology(activity), SendKinds.Apology, InThread: true, typing, new TurnOutcome(request.CorrelationId, null, 0));
        }

        if (answer.Suppressed)
        {
            LogSuppressed(request.CorrelationId, answer.Intent);
            return null;
        }

        return new TurnReply(TeamsMessageFactory.AnswerReply(answer, activity), SendKinds.Reply, InThread: true, typing, new TurnOutcome(request.CorrelationId, answer.Intent, answer.Passages.Count));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Answering Teams activity {ActivityId} in {ConversationId} ({CorrelationId}, command {Command})")]
    private partial void LogAnswering(string activityId, string conversationId, string correlationId, string? command);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Question {CorrelationId}: {Question}")]
    private partial void LogQuestion(string correlationId, string question);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {CorrelationId}: intent {Intent}, {PassageCount} passages")]
    private partial void LogAnswered(string? correlationId, string? intent, int passageCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer {CorrelationId} suppressed ({Intent}); nothing sent")]
    private partial void LogSuppressed(string correlationId, string intent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Welcomed conversation {ConversationId}")]
    private partial void LogWelcomed(string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on {CorrelationId}; sending an apology")]
    private partial void LogEngineFailed(Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the {Kind} to activity {ActivityId} in {ConversationId}")]
    private partial void LogUndeliverable(Exception exception, string kind, string? activityId, string conversationId);
}

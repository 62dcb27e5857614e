using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Teams.Connector;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Activities;

/// <summary>Answers one acknowledged activity: asks the engine, shows typing if it is slow, sends the reply.</summary>
internal sealed partial class TurnProcessor
{
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

    public async Task ProcessAsync(TurnWorkItem item, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        try
        {
            switch (item.Kind)
            {
                case TurnKind.Welcome:
                    var help = await AskForHelpAsync(activity, conversationId, cancellationToken);
                    await _connector.SendToConversationAsync(item.ServiceUrl, conversationId, TeamsMessageFactory.Welcome(activity, help), SendKinds.Welcome, cancellationToken);
                    LogWelcomed(conversationId);
                    break;
                case TurnKind.Message:
                    await AnswerMessageAsync(item, conversationId, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TeamsConnectorException ex)
        {
            LogUndeliverable(ex, activity.Id, conversationId);
        }
    }

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

    private async Task AnswerMessageAsync(TurnWorkItem item, string conversationId, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        var activityId = activity.Id ?? string.Empty;
        var request = ChatRequestFactory.FromMessage(activity);
        LogAnswering(activityId, conversationId, request.CorrelationId, request.Command?.Name);
        LogQuestion(request.CorrelationId, request.Text);

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
                await _connector.TrySendTypingAsync(item.ServiceUrl, conversationId, activity.Id is { Length: > 0 } id ? id : null, TeamsMessageFactory.Typing(activity), cancellationToken);
            }

            await typingTimer.CancelAsync();

            // WaitAsync so an engine that ignores its token cannot hold shutdown past its deadline.
            answer = await answering.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Last-chance handler: the person hears that something broke, the log gets the detail.
            LogEngineFailed(ex, request.CorrelationId);
            await ReplyAsync(item, conversationId, TeamsMessageFactory.Apology(activity), SendKinds.Apology, cancellationToken);
            return;
        }

        if (answer.Suppressed)
        {
            LogSuppressed(request.CorrelationId, answer.Intent);
            return;
        }

        await ReplyAsync(item, conversationId, TeamsMessageFactory.AnswerReply(answer, activity), SendKinds.Reply, cancellationToken);
        LogAnswered(request.CorrelationId, answer.Intent, answer.Passages.Count);
    }

    /// <summary>In the activity's thread; an activity without an id is answered in its conversation.</summary>
    private Task ReplyAsync(TurnWorkItem item, string conversationId, OutgoingActivity reply, string kind, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(item.Activity.Id)
            ? _connector.SendToConversationAsync(item.ServiceUrl, conversationId, reply, kind, cancellationToken)
            : _connector.ReplyToActivityAsync(item.ServiceUrl, conversationId, item.Activity.Id, reply, kind, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answering Teams activity {ActivityId} in {ConversationId} ({CorrelationId}, command {Command})")]
    private partial void LogAnswering(string activityId, string conversationId, string correlationId, string? command);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Question {CorrelationId}: {Question}")]
    private partial void LogQuestion(string correlationId, string question);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {CorrelationId}: intent {Intent}, {PassageCount} passages")]
    private partial void LogAnswered(string correlationId, string intent, int passageCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer {CorrelationId} suppressed ({Intent}); nothing sent")]
    private partial void LogSuppressed(string correlationId, string intent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Welcomed conversation {ConversationId}")]
    private partial void LogWelcomed(string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on {CorrelationId}; sending an apology")]
    private partial void LogEngineFailed(Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to activity {ActivityId} in {ConversationId}")]
    private partial void LogUndeliverable(Exception exception, string? activityId, string conversationId);
}

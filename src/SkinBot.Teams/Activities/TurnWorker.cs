using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkinBot.Teams.Activities;

/// <summary>
/// Runs <see cref="TeamsOptions.MaxConcurrentTurns"/> loops that take acknowledged activities off the queue and answer
/// them, one conversation per loop at a time (see <see cref="TurnQueue"/>). A loop is busy only while the engine
/// answers; the reply is delivered beside it, so a slow connector holds its own sends, not the loops.
/// Teams does not redeliver an activity it got 202 for, so stopping closes the queue (new activities get 503 and are
/// redelivered) and keeps answering what was accepted until the host's shutdown deadline.
/// </summary>
internal sealed partial class TurnWorker : IHostedService, IDisposable
{
    private readonly TurnQueue _queue;
    private readonly TurnProcessor _processor;
    private readonly TeamsOptions _options;
    private readonly ILogger<TurnWorker> _logger;

    // Fires only at the host's shutdown deadline, never when stopping merely begins.
    private readonly CancellationTokenSource _abandon = new();
    private Task _loops = Task.CompletedTask;

    public TurnWorker(TurnQueue queue, TurnProcessor processor, IOptions<TeamsOptions> options, ILogger<TurnWorker> logger)
    {
        _queue = queue;
        _processor = processor;
        _options = options.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentTurns).Select(_ => Task.Run(LoopAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <param name="cancellationToken">The host's shutdown deadline.</param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        try
        {
            // The loops end once the closed queue is empty and the last answer is sent.
            await _loops.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogDeadline();
            await _abandon.CancelAsync();

            // Every step of an answer honours the token, so the loops now finish promptly, logging what they drop.
            await _loops;
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task LoopAsync()
    {
        var abandon = _abandon.Token;
        await foreach (var conversationId in _queue.Ready.ReadAllAsync(CancellationToken.None))
        {
            var item = _queue.Take(conversationId);
            TurnReply? reply = null;
            try
            {
                if (abandon.IsCancellationRequested)
                {
                    LogNotAnswered(item.Activity.Id, conversationId);
                    continue;
                }

                reply = await _processor.AnswerAsync(item, abandon);
            }
            catch (OperationCanceledException) when (abandon.IsCancellationRequested)
            {
                LogNotAnswered(item.Activity.Id, conversationId);
            }
            catch (Exception ex)
            {
                LogUnhandled(ex, item.Activity.Id);
            }
            finally
            {
                if (reply is null)
                {
                    _queue.Completed(item);
                }
            }

            if (reply is not null)
            {
                // The worker moves on; the conversation stays held until its reply is delivered, so the next
                // message of this conversation is neither answered nor sent before it.
                _ = Task.Run(() => DeliverAsync(item, reply, abandon), CancellationToken.None);
            }
        }
    }

    /// <summary>Never throws: every outcome is logged, then the conversation is released.</summary>
    private async Task DeliverAsync(TurnWorkItem item, TurnReply reply, CancellationToken abandon)
    {
        try
        {
            await _processor.DeliverAsync(item, reply, abandon);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            LogNotAnswered(item.Activity.Id, item.ConversationId);
        }
        catch (Exception ex)
        {
            LogUnhandled(ex, item.Activity.Id);
        }
        finally
        {
            _queue.Completed(item);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure answering Teams activity {ActivityId}")]
    private partial void LogUnhandled(Exception exception, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown deadline reached with Teams activities still unanswered; giving up on them")]
    private partial void LogDeadline();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity {ActivityId} in {ConversationId} was acknowledged but not answered before shutdown")]
    private partial void LogNotAnswered(string? activityId, string? conversationId);
}

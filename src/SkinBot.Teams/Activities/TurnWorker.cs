using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkinBot.Teams.Activities;

/// <summary>Runs <see cref="TeamsOptions.MaxConcurrentTurns"/> loops that take acknowledged activities off the queue and answer them.</summary>
internal sealed partial class TurnWorker : BackgroundService
{
    private readonly TurnQueue _queue;
    private readonly TurnProcessor _processor;
    private readonly TeamsOptions _options;
    private readonly ILogger<TurnWorker> _logger;

    public TurnWorker(TurnQueue queue, TurnProcessor processor, IOptions<TeamsOptions> options, ILogger<TurnWorker> logger)
    {
        _queue = queue;
        _processor = processor;
        _options = options.Value;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.MaxConcurrentTurns).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await _processor.ProcessAsync(item, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogUnhandled(ex, item.Activity.Id);
                }
                finally
                {
                    _queue.Completed();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: unanswered activities are redelivered by Teams to whichever instance is up.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure answering Teams activity {ActivityId}")]
    private partial void LogUnhandled(Exception exception, string? activityId);
}

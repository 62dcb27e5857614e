using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Runs message handlers off the receive loop: one worker per Discord channel, so replies in a channel keep the
/// order of the questions while channels proceed independently. A watchdog logs any handler that runs too long.
/// </summary>
/// <remarks>
/// On shutdown the messages already taken from the gateway are answered before the process ends (<see cref="DrainAsync(CancellationToken)"/>):
/// the gateway has counted them as delivered, so the pod that resumes the session will not see them again.
/// </remarks>
internal sealed partial class ChannelWorkQueue(
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<ChannelWorkQueue> logger) : IDisposable
{
    private readonly Dictionary<Snowflake, Queue<WorkItem>> _queues = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending;
    private bool _draining;

    /// <summary>Messages accepted but not yet handled, across all channels.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <returns>False when too many messages are already waiting; the caller logs the refusal.</returns>
    public bool TryEnqueue(Snowflake channelId, string label, Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (_pending >= options.Value.MaxPendingMessages)
            {
                return false;
            }

            _pending++;
            var item = new WorkItem(label, work);
            if (_queues.TryGetValue(channelId, out var queue))
            {
                queue.Enqueue(item);
                return true;
            }

            _queues[channelId] = new Queue<WorkItem>([item]);
        }

        _ = Task.Run(() => DrainAsync(channelId));
        return true;
    }

    private async Task DrainAsync(Snowflake channelId)
    {
        while (true)
        {
            WorkItem item;
            lock (_gate)
            {
                var queue = _queues[channelId];
                if (queue.Count == 0)
                {
                    _queues.Remove(channelId);
                    return;
                }

                item = queue.Peek();
            }

            await RunAsync(item);
            lock (_gate)
            {
                _queues[channelId].Dequeue();
                _pending--;
                if (_pending == 0 && _draining)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private async Task RunAsync(WorkItem item)
    {
        var threshold = options.Value.HandlerWatchdogThreshold;
        var started = time.GetTimestamp();
        using var watchdog = time.CreateTimer(
            _ => LogSlowHandler(item.Label, threshold.TotalSeconds),
            null,
            threshold,
            Timeout.InfiniteTimeSpan);
        try
        {
            await item.Work(_abandon.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_abandon.IsCancellationRequested)
        {
            // Last-chance handler: one failing message must not stop its channel's queue.
            LogHandlerFailed(ex, item.Label);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }

        var elapsed = time.GetElapsedTime(started);
        if (elapsed > threshold)
        {
            LogSlowHandlerDone(item.Label, elapsed.TotalSeconds);
        }
    }

    /// <summary>
    /// Waits for every accepted message to be answered; when <paramref name="deadline"/> fires first (the host's shutdown
    /// timeout), the handlers still running are cancelled and the number left unanswered is logged.
    /// </summary>
    public async Task DrainAsync(CancellationToken deadline)
    {
        lock (_gate)
        {
            _draining = true;
            if (_pending == 0)
            {
                _idle.TrySetResult();
            }
        }

        var left = Pending;
        if (left > 0)
        {
            LogDraining(left);
        }

        try
        {
            await _idle.Task.WaitAsync(deadline);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(Pending);
        }
        finally
        {
            await _abandon.CancelAsync();
        }
    }

    public void Dispose() => _abandon.Dispose();

    private sealed record WorkItem(string Label, Func<CancellationToken, Task> Work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: answering the {Pending} Discord message(s) already accepted")]
    private partial void LogDraining(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout reached with {Pending} Discord message(s) unanswered; cancelled")]
    private partial void LogAbandoned(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchdog: handler for {Work} still running after {Seconds} s")]
    private partial void LogSlowHandler(string work, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchdog: handler for {Work} finished after {Seconds:F1} s")]
    private partial void LogSlowHandlerDone(string work, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {Work} failed")]
    private partial void LogHandlerFailed(Exception exception, string work);
}

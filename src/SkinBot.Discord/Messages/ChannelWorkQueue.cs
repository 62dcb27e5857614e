using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Runs message handlers off the receive loop: one worker per Discord channel, so replies in a channel keep the
/// order of the questions while channels proceed independently. A watchdog logs any handler that runs too long.
/// </summary>
internal sealed partial class ChannelWorkQueue(
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ChannelWorkQueue> logger)
{
    private readonly Dictionary<Snowflake, Queue<WorkItem>> _queues = [];
    private readonly Lock _gate = new();
    private int _pending;

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
            await item.Work(lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
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

    private sealed record WorkItem(string Label, Func<CancellationToken, Task> Work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchdog: handler for {Work} still running after {Seconds} s")]
    private partial void LogSlowHandler(string work, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchdog: handler for {Work} finished after {Seconds:F1} s")]
    private partial void LogSlowHandlerDone(string work, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {Work} failed")]
    private partial void LogHandlerFailed(Exception exception, string work);
}

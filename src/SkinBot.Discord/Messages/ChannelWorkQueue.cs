using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;

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
    private readonly KeyedWorkQueue<Snowflake, WorkItem> _channels = new();
    private readonly CancellationTokenSource _abandon = new();

    /// <summary>Messages accepted but not yet handled, across all channels.</summary>
    public int Pending => _channels.Pending;

    /// <returns>False when too many messages are already waiting; the caller logs the refusal.</returns>
    public bool TryEnqueue(Snowflake channelId, string label, Func<CancellationToken, Task> work)
    {
        if (!_channels.TryAdd(channelId, new WorkItem(label, work), options.Value.MaxPendingMessages, out var schedule))
        {
            return false;
        }

        if (schedule)
        {
            _ = Task.Run(() => WorkChannelAsync(channelId));
        }

        return true;
    }

    private async Task WorkChannelAsync(Snowflake channelId)
    {
        do
        {
            await RunAsync(_channels.Next(channelId));
        }
        while (_channels.Complete(channelId));
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
        var left = Pending;
        if (left > 0)
        {
            LogDraining(left);
        }

        try
        {
            await _channels.WhenIdleAsync(deadline);
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

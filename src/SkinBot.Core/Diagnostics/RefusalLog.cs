using Microsoft.Extensions.Logging;

namespace SkinBot.Core.Diagnostics;

/// <summary>
/// Logs refused requests without letting a flood flood the log: the first refusal of a reason is written at once,
/// later ones are counted and written as one line per reason per interval with the count, and a reason that stays
/// quiet for a whole interval starts over (its next refusal is written at once again). Metrics should still count
/// every refusal; this only decides what reaches the log.
/// </summary>
public sealed partial class RefusalLog : IDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    /// <summary>Reasons kept apart; past this they are summed under <see cref="RefusalReason.Other"/> so memory stays bounded.</summary>
    internal const int MaxReasons = 64;

    private readonly ILogger _logger;
    private readonly LogLevel _level;
    private readonly string _subject;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();

    // Reason → refusals not yet written. A reason is present while its summary window is open.
    private readonly Dictionary<RefusalReason, long> _pending = [];
    private ITimer? _timer;
    private bool _disposed;

    /// <param name="subject">What was refused, as the start of a sentence: "Discord interaction request".</param>
    public RefusalLog(ILogger logger, LogLevel level, string subject, TimeProvider time, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(time);
        _logger = logger;
        _level = level;
        _subject = subject;
        _time = time;
        _interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_interval, TimeSpan.Zero, nameof(interval));
    }

    public void Refused(RefusalReason reason)
    {
        if (!_logger.IsEnabled(_level))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (!_pending.ContainsKey(reason) && _pending.Count >= MaxReasons)
            {
                reason = RefusalReason.Other;
            }

            if (_pending.TryGetValue(reason, out var count))
            {
                _pending[reason] = count + 1;
                return;
            }

            _pending[reason] = 0;
            _timer ??= _time.CreateTimer(_ => Flush(closeQuietReasons: true), null, _interval, _interval);
        }

        LogFirst(_level, _subject, reason.Code, _interval.TotalSeconds);
    }

    /// <summary>Writes what is still counted, so a shutdown in the middle of a flood does not hide it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }

        Flush(closeQuietReasons: false);
    }

    private void Flush(bool closeQuietReasons)
    {
        List<(RefusalReason Reason, long Count)> due = [];
        lock (_gate)
        {
            foreach (var (reason, count) in _pending)
            {
                if (count > 0)
                {
                    due.Add((reason, count));
                }
            }

            foreach (var (reason, _) in due)
            {
                _pending[reason] = 0;
            }

            if (closeQuietReasons)
            {
                // A reason with nothing new this interval closes its window: the next refusal is news again.
                foreach (var reason in _pending.Where(p => p.Value == 0 && !due.Any(d => d.Reason == p.Key)).Select(p => p.Key).ToList())
                {
                    _pending.Remove(reason);
                }

                if (_pending.Count == 0)
                {
                    _timer?.Dispose();
                    _timer = null;
                }
            }
        }

        foreach (var (reason, count) in due)
        {
            LogSummary(_level, _subject, count, _interval.TotalSeconds, reason.Code);
        }
    }

    [LoggerMessage(Message = "{Subject} refused: {Reason} (further refusals for this reason are counted and logged every {IntervalSeconds} s)")]
    private partial void LogFirst(LogLevel level, string subject, string reason, double intervalSeconds);

    [LoggerMessage(Message = "{Subject} refused {Count} more times in the last {IntervalSeconds} s: {Reason}")]
    private partial void LogSummary(LogLevel level, string subject, long count, double intervalSeconds, string reason);
}

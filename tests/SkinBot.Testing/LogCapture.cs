using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SkinBot.Testing;

/// <summary>One captured log call: level, category, rendered message, structured values and exception.</summary>
public sealed record LogEntry(
    LogLevel Level,
    string Category,
    string Message,
    IReadOnlyDictionary<string, object?> Values,
    Exception? Exception)
{
    public override string ToString() => $"[{Level}] {Category}: {Message}{(Exception is null ? string.Empty : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}

/// <summary>
/// A logger factory that keeps every entry, so a test can assert what was logged (a warning naming a skipped
/// file, an error after a failed rebuild) and wait for an entry written by a background worker.
/// </summary>
public sealed class LogCapture : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentQueue<string> _scopes = new();
    private readonly Lock _waitersGate = new();
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Done)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Every scope a logger was asked to begin, as text with its values (a scope can carry data a line does not).</summary>
    public IReadOnlyList<string> Scopes => [.. _scopes];

    public ILogger<T> For<T>() => new Logger<T>(this);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
        // Everything is captured here; other providers are not needed in tests.
    }

    /// <summary>Completes with the first entry (already logged or still to come) that matches.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan timeout)
    {
        TaskCompletionSource<LogEntry> done;
        lock (_waitersGate)
        {
            if (_entries.FirstOrDefault(match) is { } existing)
            {
                return existing;
            }

            done = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No matching log entry within {timeout}. Logged:\n{string.Join('\n', Entries)}");
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_waitersGate)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(entry);
            }
        }
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            capture._scopes.Enqueue($"{state} {values}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, object?>();
            capture.Add(new LogEntry(logLevel, category, formatter(state, exception), values, exception));
        }
    }
}

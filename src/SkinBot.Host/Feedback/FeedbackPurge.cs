using Microsoft.Extensions.Options;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>
/// Enforces Feedback:TextRetention: on start and then every Feedback:PurgeInterval, drops kept question and reason
/// text older than the retention. Runs even with text keeping turned off, so turning it off clears what was kept.
/// </summary>
internal sealed partial class FeedbackPurge(IFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackPurge> logger) : BackgroundService
{
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.StoreQuestionText ? options.Value.TextRetention : TimeSpan.Zero;
        var purged = await store.PurgeTextBeforeAsync(time.GetUtcNow() - retention, cancellationToken);
        if (purged > 0)
        {
            LogPurged(purged);
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        var migrated = false;
        do
        {
            try
            {
                // The purge on start can run before the writer has made the tables on a new database; the migration is
                // idempotent and serialised by the store (SQLite's write lock, Postgres's advisory lock), so it is run
                // here too rather than failing the first purge with "no such table".
                if (!migrated)
                {
                    await store.MigrateAsync(stoppingToken);
                    migrated = true;
                }

                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPurgeFailed(exception.GetType().Name, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback purge removed kept text from {Rows} rows past retention")]
    private partial void LogPurged(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback purge failed ({ErrorType}: {Error}); it runs again at the next interval")]
    private partial void LogPurgeFailed(string errorType, string error);
}

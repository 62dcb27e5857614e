using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>
/// Saves feedback off the answer path: callers enqueue and return at once; this service drains the bounded queue in
/// batches. A full queue or a database that is down costs feedback (logged and counted), never an answer.
/// </summary>
internal sealed partial class FeedbackWriter : BackgroundService
{
    private static readonly TimeSpan RetryMigrationAfter = TimeSpan.FromSeconds(30);

    private readonly Channel<FeedbackWrite> queue;

    // One batch at a time, so a flush also waits for the batch the background loop has already taken.
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly IFeedbackStore store;
    private readonly FeedbackMetrics metrics;
    private readonly FeedbackOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<FeedbackWriter> logger;
    private bool migrated;
    private DateTimeOffset nextMigrationAttempt = DateTimeOffset.MinValue;

    public FeedbackWriter(IFeedbackStore store, FeedbackMetrics metrics, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackWriter> logger)
    {
        this.store = store;
        this.metrics = metrics;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        queue = Channel.CreateBounded<FeedbackWrite>(new BoundedChannelOptions(this.options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Never waits: when the queue is full the write is dropped and counted.</summary>
    public bool TryEnqueue(FeedbackWrite write)
    {
        if (queue.Writer.TryWrite(write))
        {
            return true;
        }

        metrics.RecordDropped(write.Kind, FeedbackMetrics.QueueFull, 1);
        LogQueueFull(write.Kind);
        return false;
    }

    /// <summary>Saves whatever is queued now; the tests and the shutdown path use it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        do
        {
            await WriteBatchAsync(cancellationToken).ConfigureAwait(false);
        }
        while (queue.Reader.TryPeek(out _));
    }

    public override void Dispose()
    {
        writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TryMigrateAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await WriteBatchAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued gets one last chance below.
        }

        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token).ConfigureAwait(false);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteOneBatchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task WriteOneBatchAsync(CancellationToken cancellationToken)
    {
        var answers = new List<AnswerRecord>();
        var votes = new List<VoteRecord>();
        while (answers.Count + votes.Count < options.BatchSize && queue.Reader.TryRead(out var write))
        {
            switch (write)
            {
                case FeedbackWrite.OfAnswer answer:
                    answers.Add(answer.Answer);
                    break;
                case FeedbackWrite.OfVote vote:
                    votes.Add(vote.Vote);
                    break;
            }
        }

        if (!await TryMigrateAsync(cancellationToken).ConfigureAwait(false))
        {
            Drop(answers.Count, votes.Count, null);
            return;
        }

        try
        {
            // Answers first, so a vote in the same batch finds its answer.
            await store.SaveAnswersAsync(answers, cancellationToken).ConfigureAwait(false);
            await store.SaveVotesAsync(votes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Drop(answers.Count, votes.Count, exception);
        }
    }

    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        if (migrated)
        {
            return true;
        }

        if (time.GetUtcNow() < nextMigrationAttempt)
        {
            return false;
        }

        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            migrated = true;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            nextMigrationAttempt = time.GetUtcNow() + RetryMigrationAfter;
            LogStoreUnavailable(exception.GetType().Name, exception.Message);
            return false;
        }
    }

    private void Drop(int answers, int votes, Exception? exception)
    {
        if (answers > 0)
        {
            metrics.RecordDropped("answer", FeedbackMetrics.StoreError, answers);
        }

        if (votes > 0)
        {
            metrics.RecordDropped("vote", FeedbackMetrics.StoreError, votes);
        }

        if (exception is not null)
        {
            // The exception's message may quote the SQL but never the parameters, so no question text reaches the log.
            LogBatchLost(answers, votes, exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback queue full: a {Kind} write was dropped")]
    private partial void LogQueueFull(string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback store unavailable ({ErrorType}: {Error}); feedback is dropped until it is back, answers are not affected")]
    private partial void LogStoreUnavailable(string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback batch lost: {Answers} answers and {Votes} votes ({ErrorType}: {Error})")]
    private partial void LogBatchLost(int answers, int votes, string errorType, string error);
}

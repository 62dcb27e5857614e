using System.Threading.Channels;
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

    private readonly Channel<FeedbackWrite> _queue;

    // One batch at a time, so a flush also waits for the batch the background loop has already taken.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly IFeedbackStore _store;
    private readonly FeedbackMetrics _metrics;
    private readonly FeedbackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedbackWriter> _logger;
    private bool _migrated;
    private DateTimeOffset _nextMigrationAttempt = DateTimeOffset.MinValue;

    public FeedbackWriter(IFeedbackStore store, FeedbackMetrics metrics, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackWriter> logger)
    {
        _store = store;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<FeedbackWrite>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Never waits: when the queue is full the write is dropped and counted.</summary>
    public bool TryEnqueue(FeedbackWrite write)
    {
        if (_queue.Writer.TryWrite(write))
        {
            return true;
        }

        _metrics.RecordDropped(write.Kind, FeedbackMetrics.QueueFull, 1);
        LogQueueFull(write.Kind);
        return false;
    }

    /// <summary>Saves whatever is queued now; the tests and the shutdown path use it.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        do
        {
            await WriteBatchAsync(cancellationToken);
        }
        while (_queue.Reader.TryPeek(out _));
    }

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TryMigrateAsync(stoppingToken);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (_options.BatchDelay > TimeSpan.Zero && _queue.Reader.Count < _options.BatchSize)
                {
                    await Task.Delay(_options.BatchDelay, _time, stoppingToken);
                }

                await WriteBatchAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued gets one last chance below.
        }

        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await FlushAsync(last.Token);
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await WriteOneBatchAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteOneBatchAsync(CancellationToken cancellationToken)
    {
        var answers = new List<AnswerRecord>();
        var votes = new List<VoteRecord>();
        while (answers.Count + votes.Count < _options.BatchSize && _queue.Reader.TryRead(out var write))
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

        if (!await TryMigrateAsync(cancellationToken))
        {
            Drop(answers.Count, votes.Count, null);
            return;
        }

        try
        {
            // Answers first, so a vote in the same batch finds its answer.
            await _store.SaveAnswersAsync(answers, cancellationToken);
            await _store.SaveVotesAsync(votes, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Drop(answers.Count, votes.Count, exception);
        }
    }

    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return true;
        }

        if (_time.GetUtcNow() < _nextMigrationAttempt)
        {
            return false;
        }

        try
        {
            await _store.MigrateAsync(cancellationToken);
            _migrated = true;
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _nextMigrationAttempt = _time.GetUtcNow() + RetryMigrationAfter;
            LogStoreUnavailable(exception.GetType().Name, exception.Message);
            return false;
        }
    }

    private void Drop(int answers, int votes, Exception? exception)
    {
        if (answers > 0)
        {
            _metrics.RecordDropped("answer", FeedbackMetrics.StoreError, answers);
        }

        if (votes > 0)
        {
            _metrics.RecordDropped("vote", FeedbackMetrics.StoreError, votes);
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

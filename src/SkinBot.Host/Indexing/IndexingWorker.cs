using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SkinBot.Core.Engine;

namespace SkinBot.Host.Indexing;

/// <summary>
/// Builds (or reopens) the index at start-up, then watches corpus/ and rebuilds after edits settle
/// (debounced), swapping the new index in atomically. Until the first build succeeds /readyz is unhealthy;
/// a broken edit later keeps the old index serving.
/// </summary>
public sealed class IndexingWorker(CorpusIndexer indexer, IOptions<EngineOptions> options, TimeProvider time, ILogger<IndexingWorker> logger)
    : BackgroundService
{
    private readonly Channel<string> _changes = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = options.Value.WatchCorpus ? StartWatcher() : null;
        var rescans = options.Value.WatchCorpus && options.Value.RescanInterval > TimeSpan.Zero
            ? RescanAsync(options.Value.RescanInterval, stoppingToken)
            : Task.CompletedTask;
        await indexer.RefreshAsync(stoppingToken);
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                await DebounceAsync(stoppingToken);
                await indexer.RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await rescans;
    }

    /// <summary>Asks for a refresh on a timer; the indexer skips it when the fingerprint is unchanged.</summary>
    private async Task RescanAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _changes.Writer.TryWrite(indexer.Layout.Root);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Waits until no change has arrived for the debounce period.</summary>
    private async Task DebounceAsync(CancellationToken stoppingToken)
    {
        do
        {
            while (_changes.Reader.TryRead(out _))
            {
            }

            await Task.Delay(options.Value.WatchDebounce, time, stoppingToken);
        }
        while (_changes.Reader.TryPeek(out _));
    }

    private FileSystemWatcher? StartWatcher()
    {
        var root = indexer.Layout.Root;
        if (!Directory.Exists(root))
        {
            logger.NotWatching(root);
            return null;
        }

        var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void Changed(object? sender, FileSystemEventArgs e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += (sender, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Error += (_, e) =>
        {
            logger.WatcherLostEvents(e.GetException());
            _changes.Writer.TryWrite(root);
        };
        watcher.EnableRaisingEvents = true;
        logger.Watching(root);
        return watcher;
    }
}

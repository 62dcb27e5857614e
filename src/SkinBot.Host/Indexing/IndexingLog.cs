namespace SkinBot.Host.Indexing;

/// <summary>The indexing worker's log lines. They name folders, fingerprints and counts, never corpus or question text.</summary>
internal static partial class IndexingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Not watching {CorpusPath}: the folder does not exist")]
    public static partial void NotWatching(this ILogger logger, string corpusPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus watcher lost events; rebuilding to be safe")]
    public static partial void WatcherLostEvents(this ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {CorpusPath} for changes")]
    public static partial void Watching(this ILogger logger, string corpusPath);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Corpus unchanged ({Fingerprint}); keeping the serving index")]
    public static partial void CorpusUnchanged(this ILogger logger, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index {Action} for corpus {Fingerprint}: {ArticleCount} articles, {PassageCount} passages, {SkippedCount} files skipped, in {ElapsedMs:0} ms")]
    public static partial void IndexReady(this ILogger logger, string action, string fingerprint, int articleCount, int passageCount, int skippedCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gave back {ReleasedMb:0} MB of GC heap left by the build, in {ElapsedMs:0} ms")]
    public static partial void BuildLeftoversReleased(this ILogger logger, double releasedMb, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Corpus rebuild failed, still serving corpus {Fingerprint}: {Reason}")]
    public static partial void RebuildFailed(this ILogger logger, Exception? exception, string? fingerprint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Corpus index could not be built from {CorpusPath}: {Reason}")]
    public static partial void BuildFailed(this ILogger logger, Exception? exception, string corpusPath, string reason);
}

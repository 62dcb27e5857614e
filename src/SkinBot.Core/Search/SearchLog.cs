using Microsoft.Extensions.Logging;

namespace SkinBot.Core.Search;

/// <summary>The index store's log lines: folders and reasons only.</summary>
internal static partial class SearchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The index in {Folder} cannot be read and will be rebuilt")]
    public static partial void IndexUnreadable(this ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not remove old index folder {Folder}; it will be retried on the next build")]
    public static partial void OldIndexKept(this ILogger logger, Exception exception, string folder);
}

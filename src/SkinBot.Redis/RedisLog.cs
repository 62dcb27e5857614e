using Microsoft.Extensions.Logging;

namespace SkinBot.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Redis is unreachable ({Reason}); answering on this replica's local state until it returns.")]
    public static partial void Down(ILogger logger, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Redis is reachable again; shared state resumed.")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "Redis call for {Operation} failed; used local state.")]
    public static partial void FellBack(ILogger logger, Exception exception, string operation);
}

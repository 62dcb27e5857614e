namespace SkinBot.Host.Startup;

/// <summary>What the host logs when it cannot start, beside the lines on standard error, so log-only operators see it too.</summary>
internal static partial class StartupLog
{
    public const string Category = "SkinBot.Host.Startup";

    [LoggerMessage(EventId = 1, Level = LogLevel.Critical, Message = "Configuration error: {Problem}")]
    public static partial void ConfigurationProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "SkinBot could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, Exception? exception, string reason);
}

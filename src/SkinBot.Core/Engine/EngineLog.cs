using Microsoft.Extensions.Logging;

namespace SkinBot.Core.Engine;

/// <summary>The knowledge builder's log lines about the corpus files themselves.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "intents.yml names a section the corpus does not have ({IntentSection}); answers for it will be empty")]
    public static partial void UnknownIntentSection(this ILogger logger, string intentSection);
}

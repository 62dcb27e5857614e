using SkinBot.Core.Chat;
using SkinBot.Core.Diagnostics;
using SkinBot.Core.Domain;

namespace SkinBot.Host.Operations;

/// <summary>
/// What the limits refused, for the log: one line for the first refusal of a kind and then one per interval with the
/// count, whatever the platform, so a flood writes a handful of lines instead of two per message. One instance per host.
/// </summary>
internal sealed class ChatRefusalLog(ILogger<TurnLimits> logger, TimeProvider time) : IDisposable
{
    private readonly RefusalLog _log = new(logger, LogLevel.Information, "Chat message", time);

    public void RateLimited(string platform, LimitScope scope) => _log.Refused(new RefusalReason($"{Known(platform)}_{scope.ToName()}_limit"));

    public void TooLong(string platform) => _log.Refused(new RefusalReason($"{Known(platform)}_too_long"));

    public void Dispose() => _log.Dispose();

    // The platform is set by adapters in code, but a reason code must stay a closed vocabulary whatever one sets.
    private static string Known(string platform) =>
        platform is Platforms.Web or Platforms.Discord or Platforms.Teams or Platforms.Cli ? platform : "other";
}

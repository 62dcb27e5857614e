using System.Diagnostics;

namespace SkinBot.Host.Operations;

/// <summary>Names shared by every span and meter SkinBot emits, so the exporters can select them by prefix.</summary>
public static class SkinBotTelemetry
{
    /// <summary>The tracing source for adapter → engine → send spans; adapters in other projects use "SkinBot.&lt;Project&gt;".</summary>
    public const string ActivitySourceName = "SkinBot";

    /// <summary>The meter of the host: answers, latency, abuse limits.</summary>
    public const string HostMeterName = "SkinBot.Host";

    /// <summary>Every meter whose name matches this is exported on <c>/metrics</c>.</summary>
    public const string MeterWildcard = "SkinBot.*";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}

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

    /// <summary>
    /// Bucket bounds for every histogram measured in seconds: answers take milliseconds, index builds seconds.
    /// (The exporter's default bounds are meant for milliseconds.)
    /// </summary>
    public static IReadOnlyList<double> SecondsBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
}

using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace SkinBot.Host.Operations;

/// <summary>Which instruments a host exports, and how.</summary>
internal static class MetricStreams
{
    /// <summary>
    /// OpenTelemetry subscribes to meters by name across the whole process. A process that holds more than one host
    /// (the test suites, a fleet harness) would otherwise export every host's counts as its own, so an instrument made
    /// by another host's meter factory is dropped. Meters made without a factory (the runtime's own) pass through.
    /// </summary>
    public static MetricStreamConfiguration? For(Instrument instrument, IMeterFactory ownFactory)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, ownFactory))
        {
            return MetricStreamConfiguration.Drop;
        }

        return instrument.Unit == "s" && instrument is Histogram<double> or Histogram<float> or Histogram<long> or Histogram<int>
            ? new ExplicitBucketHistogramConfiguration { Boundaries = [.. SkinBotTelemetry.SecondsBuckets] }
            : null;
    }
}

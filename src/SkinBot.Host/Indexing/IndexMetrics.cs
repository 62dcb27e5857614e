using System.Diagnostics.Metrics;

namespace SkinBot.Host.Indexing;

/// <summary>Index build figures on meter "SkinBot.Index", exported by /metrics.</summary>
public sealed class IndexMetrics : IDisposable
{
    public const string MeterName = "SkinBot.Index";

    private readonly Meter meter = new(MeterName);
    private readonly Histogram<double> buildSeconds;
    private readonly Counter<long> builds;
    private int passages;

    public IndexMetrics()
    {
        buildSeconds = meter.CreateHistogram<double>("skinbot.index.build.duration", "s", "Time to build or reopen the corpus index.");
        builds = meter.CreateCounter<long>("skinbot.index.builds", description: "Index builds by outcome (built, reopened, failed).");
        meter.CreateObservableGauge("skinbot.index.passages", () => Volatile.Read(ref passages), description: "Passages in the serving index.");
    }

    public void Succeeded(TimeSpan elapsed, int passageCount, bool built)
    {
        buildSeconds.Record(elapsed.TotalSeconds);
        builds.Add(1, new KeyValuePair<string, object?>("outcome", built ? "built" : "reopened"));
        Volatile.Write(ref passages, passageCount);
    }

    public void Failed() => builds.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    public void Dispose() => meter.Dispose();
}

using System.Diagnostics.Metrics;

namespace SkinBot.Host.Indexing;

/// <summary>
/// Index build figures on meter "SkinBot.Index", exported by /metrics. The meter comes from the host's own
/// <see cref="IMeterFactory"/>, so a second host in the same process (the test suite runs several) cannot report its
/// passage count through this host's /metrics.
/// </summary>
public sealed class IndexMetrics
{
    public const string MeterName = "SkinBot.Index";

    private readonly Histogram<double> _buildSeconds;
    private readonly Counter<long> _builds;
    private int _passages;

    public IndexMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _buildSeconds = meter.CreateHistogram<double>("skinbot.index.build.duration", "s", "Time to build or reopen the corpus index.");
        _builds = meter.CreateCounter<long>("skinbot.index.builds", description: "Index builds by outcome (built, reopened, failed).");
        meter.CreateObservableGauge("skinbot.index.passages", () => Volatile.Read(ref _passages), description: "Passages in the serving index.");
    }

    public void Succeeded(TimeSpan elapsed, int passageCount, bool built)
    {
        _buildSeconds.Record(elapsed.TotalSeconds);
        _builds.Add(1, new KeyValuePair<string, object?>("outcome", built ? "built" : "reopened"));
        Volatile.Write(ref _passages, passageCount);
    }

    public void Failed() => _builds.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
}

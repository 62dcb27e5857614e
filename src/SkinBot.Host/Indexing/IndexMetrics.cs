using System.Diagnostics.Metrics;

namespace SkinBot.Host.Indexing;

/// <summary>Index build figures on meter "SkinBot.Index", exported by /metrics.</summary>
public sealed class IndexMetrics : IDisposable
{
    public const string MeterName = "SkinBot.Index";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _buildSeconds;
    private readonly Counter<long> _builds;
    private int _passages;

    public IndexMetrics()
    {
        _buildSeconds = _meter.CreateHistogram<double>("skinbot.index.build.duration", "s", "Time to build or reopen the corpus index.");
        _builds = _meter.CreateCounter<long>("skinbot.index.builds", description: "Index builds by outcome (built, reopened, failed).");
        _meter.CreateObservableGauge("skinbot.index.passages", () => Volatile.Read(ref _passages), description: "Passages in the serving index.");
    }

    public void Succeeded(TimeSpan elapsed, int passageCount, bool built)
    {
        _buildSeconds.Record(elapsed.TotalSeconds);
        _builds.Add(1, new KeyValuePair<string, object?>("outcome", built ? "built" : "reopened"));
        Volatile.Write(ref _passages, passageCount);
    }

    public void Failed() => _builds.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));

    public void Dispose() => _meter.Dispose();
}

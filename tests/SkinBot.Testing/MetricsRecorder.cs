using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace SkinBot.Testing;

/// <summary>
/// Sums the counters one host publishes on one meter. Hosts in parallel tests each have their own meter factory, so
/// only instruments created through this host's factory are counted.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public MetricsRecorder(IServiceProvider services, string meterName)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, published) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                published.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}[{tag.Key}={tag.Value}]", value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    /// <summary>Total of a counter, or of one tag value of it with "name[tag=value]"; 0 when never counted.</summary>
    public long Total(string key) => _totals.GetValueOrDefault(key);

    public void Dispose() => _listener.Dispose();
}

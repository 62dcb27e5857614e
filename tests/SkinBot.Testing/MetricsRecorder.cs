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
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);

    public MetricsRecorder(IServiceProvider services, string meterName)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, published) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                published.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
            {
                totals.AddOrUpdate($"{instrument.Name}[{tag.Key}={tag.Value}]", value, (_, sum) => sum + value);
            }
        });
        listener.Start();
    }

    /// <summary>Total of a counter, or of one tag value of it with "name[tag=value]"; 0 when never counted.</summary>
    public long Total(string key) => totals.GetValueOrDefault(key);

    public void Dispose() => listener.Dispose();
}

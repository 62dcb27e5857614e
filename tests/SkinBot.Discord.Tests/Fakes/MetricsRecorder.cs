using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>Sums the "SkinBot.Discord" counters of one host (tests run in parallel, each host has its own meter).</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();

    public MetricsRecorder(IServiceProvider services)
    {
        var factory = (IMeterFactory)services.GetService(typeof(IMeterFactory))!;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "SkinBot.Discord" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.Start();
    }

    public long this[string name] => totals.TryGetValue(name, out var value) ? value : 0;

    public void Dispose() => listener.Dispose();
}

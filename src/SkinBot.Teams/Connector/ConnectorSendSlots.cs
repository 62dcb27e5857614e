using Microsoft.Extensions.Options;
using SkinBot.Teams.Auth;

namespace SkinBot.Teams.Connector;

/// <summary>
/// Caps the HTTP calls in flight to each connector address (serviceUrl), so a slow connector can only ever hold its
/// own share of sends and replies to every other address go out at once. A slot covers one attempt: a retry waits
/// for its backoff without one.
/// </summary>
internal sealed class ConnectorSendSlots
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();
    private readonly int _perServiceUrl;

    public ConnectorSendSlots(IOptions<TeamsOptions> options)
    {
        _perServiceUrl = options.Value.MaxConcurrentSendsPerServiceUrl;
    }

    /// <summary>Waits for a free slot to <paramref name="serviceUrl"/>; dispose the result when the call is over.</summary>
    public async Task<IDisposable> AcquireAsync(TrustedServiceUrl serviceUrl, CancellationToken cancellationToken)
    {
        var key = serviceUrl.BaseUrl;
        Lane lane;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(key, out var existing))
            {
                existing = new Lane(new SemaphoreSlim(_perServiceUrl, _perServiceUrl));
                _lanes.Add(key, existing);
            }

            lane = existing;
            lane.Users++;
        }

        try
        {
            await lane.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, lane);
            throw;
        }

        return new Slot(this, key, lane);
    }

    /// <summary>Addresses with a send in flight or waiting; idle ones are forgotten so the table stays small.</summary>
    internal int ActiveAddresses
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    private void Leave(string key, Lane lane)
    {
        lock (_gate)
        {
            if (--lane.Users == 0)
            {
                _lanes.Remove(key);
            }
        }
    }

    private sealed class Lane(SemaphoreSlim semaphore)
    {
        public SemaphoreSlim Semaphore { get; } = semaphore;

        /// <summary>Holders and waiters; guarded by the owner's gate.</summary>
        public int Users { get; set; }
    }

    private sealed class Slot(ConnectorSendSlots owner, string key, Lane lane) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                lane.Semaphore.Release();
                owner.Leave(key, lane);
            }
        }
    }
}

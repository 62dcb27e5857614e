namespace SkinBot.Core.State;

/// <summary>
/// The coordinator of a single process: leases with expiry and fencing as Redis keeps them (so a test can share one
/// instance between two hosts), sessions that die with the process, and one IDENTIFY slot per bucket per spacing.
/// </summary>
public sealed class InMemoryShardCoordinator(TimeProvider time) : IShardCoordinator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (long Token, DateTimeOffset Expires)> _leases = [];
    private readonly Dictionary<int, long> _fences = [];
    private readonly Dictionary<int, (ShardSession Session, DateTimeOffset Expires)> _sessions = [];
    private readonly Dictionary<int, DateTimeOffset> _identifyFreeAt = [];

    public bool SessionOutlivesProcess => false;

    public ValueTask<ShardLease?> TryAcquireAsync(int shardId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_leases.TryGetValue(shardId, out var held) && held.Expires > now)
            {
                return ValueTask.FromResult<ShardLease?>(null);
            }

            var token = _fences.GetValueOrDefault(shardId) + 1;
            _fences[shardId] = token;
            _leases[shardId] = (token, now + ttl);
            return ValueTask.FromResult<ShardLease?>(new ShardLease(shardId, token));
        }
    }

    public ValueTask<bool> RenewAsync(ShardLease lease, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // An expired lease nobody else took is still this holder's: the fence has not moved.
            if (_fences.GetValueOrDefault(lease.ShardId) != lease.FencingToken)
            {
                return ValueTask.FromResult(false);
            }

            _leases[lease.ShardId] = (lease.FencingToken, now + ttl);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ReleaseAsync(ShardLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (_leases.TryGetValue(lease.ShardId, out var held) && held.Token == lease.FencingToken)
            {
                _leases.Remove(lease.ShardId);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<ShardSession?> LoadSessionAsync(int shardId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return ValueTask.FromResult(_sessions.TryGetValue(shardId, out var stored) && stored.Expires > now ? stored.Session : null);
        }
    }

    public ValueTask<bool> SaveSessionAsync(ShardLease lease, ShardSession session, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (_fences.GetValueOrDefault(lease.ShardId) != lease.FencingToken)
            {
                return ValueTask.FromResult(false);
            }

            _sessions[lease.ShardId] = (session, time.GetUtcNow() + ttl);
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ForgetSessionAsync(ShardLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            if (_fences.GetValueOrDefault(lease.ShardId) == lease.FencingToken)
            {
                _sessions.Remove(lease.ShardId);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask IdentifySentAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var bucket = shardId % maxConcurrency;
        lock (_gate)
        {
            var sentPlusSpacing = time.GetUtcNow() + spacing;
            if (!_identifyFreeAt.TryGetValue(bucket, out var freeAt) || freeAt < sentPlusSpacing)
            {
                _identifyFreeAt[bucket] = sentPlusSpacing;
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var bucket = shardId % maxConcurrency;
        TimeSpan wait;
        lock (_gate)
        {
            // Slots are handed out in order of asking, each one spacing after the last, so waiters never race.
            var now = time.GetUtcNow();
            var slot = _identifyFreeAt.TryGetValue(bucket, out var freeAt) && freeAt > now ? freeAt : now;
            _identifyFreeAt[bucket] = slot + spacing;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}

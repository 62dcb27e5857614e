using System.Collections.Concurrent;

namespace SkinBot.Discord.Gateway;

/// <summary>What survives a dropped connection so the session can be resumed.</summary>
internal sealed class GatewaySessionState
{
    private long _sequence = -1;

    public string? SessionId { get; set; }

    public Uri? ResumeUrl { get; set; }

    /// <summary>The bot's user id from READY; a resumed session gets no READY, so it travels with the stored session.</summary>
    public ulong? BotUserId { get; set; }

    /// <summary>
    /// Whether a connection this side ends should stay resumable (close 4000) or end the session (close 1000). Resumable
    /// when someone will resume it: a replacement pod through shared state, or the new holder of a lost lease.
    /// </summary>
    public bool KeepResumableOnClose { get; set; } = true;

    /// <summary>The last non-null "s" of a dispatch, or null before the first one.</summary>
    public long? Sequence
    {
        get
        {
            var value = Interlocked.Read(ref _sequence);
            return value < 0 ? null : value;
        }
    }

    public bool CanResume => SessionId is not null && Sequence is not null;

    public void Advance(long value) => Interlocked.Exchange(ref _sequence, value);

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        BotUserId = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}

/// <summary>Gateway connection state for the readiness check: ready when every shard this process runs is connected.</summary>
internal sealed class GatewayStatus
{
    private readonly ConcurrentDictionary<GatewayShard, bool> _shards = new();
    private volatile string? _stoppedReason;

    public bool Connected => _stoppedReason is null && !_shards.IsEmpty && _shards.Values.All(connected => connected);

    public string? StoppedReason => _stoppedReason;

    /// <summary>Registers the shards to wait for, so that one connected shard does not make the process ready.</summary>
    public void Expect(IEnumerable<GatewayShard> owned)
    {
        foreach (var shard in owned)
        {
            _shards.TryAdd(shard, false);
        }
    }

    public void SetConnected(GatewayShard shard, bool value) => _shards[shard] = value;

    /// <summary>A shard stopped for good (fatal close code, refused token): the process stays unready until restarted.</summary>
    public void Stop(string reason) => _stoppedReason = reason;
}

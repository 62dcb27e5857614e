namespace SkinBot.Discord.Gateway;

/// <summary>What survives a dropped connection so the session can be resumed.</summary>
internal sealed class GatewaySessionState
{
    private long _sequence = -1;

    public string? SessionId { get; set; }

    public Uri? ResumeUrl { get; set; }

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
        Interlocked.Exchange(ref _sequence, -1);
    }
}

/// <summary>Gateway connection state for the readiness check.</summary>
internal sealed class GatewayStatus
{
    private volatile bool _connected;
    private volatile string? _stoppedReason;

    public bool Connected => _connected;

    public string? StoppedReason => _stoppedReason;

    public void SetConnected(bool value) => _connected = value;

    public void Stop(string reason)
    {
        _connected = false;
        _stoppedReason = reason;
    }
}

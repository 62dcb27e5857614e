namespace SkinBot.Discord.Gateway;

/// <summary>What survives a dropped connection so the session can be resumed.</summary>
internal sealed class GatewaySessionState
{
    private long sequence = -1;

    public string? SessionId { get; set; }

    public Uri? ResumeUrl { get; set; }

    /// <summary>The last non-null "s" of a dispatch, or null before the first one.</summary>
    public long? Sequence
    {
        get
        {
            var value = Interlocked.Read(ref sequence);
            return value < 0 ? null : value;
        }
    }

    public bool CanResume => SessionId is not null && Sequence is not null;

    public void Advance(long value) => Interlocked.Exchange(ref sequence, value);

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref sequence, -1);
    }
}

/// <summary>Gateway connection state for the readiness check.</summary>
internal sealed class GatewayStatus
{
    private volatile bool connected;
    private volatile string? stoppedReason;

    public bool Connected => connected;

    public string? StoppedReason => stoppedReason;

    public void SetConnected(bool value) => connected = value;

    public void Stop(string reason)
    {
        connected = false;
        stoppedReason = reason;
    }
}

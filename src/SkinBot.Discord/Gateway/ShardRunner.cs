using System.Net;
using Microsoft.Extensions.Logging;
using SkinBot.Core.State;
using SkinBot.Discord.Messages;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// Runs one shard for the life of the host: take the shard's lease, resume the stored session if there is one (else
/// IDENTIFY through the shared gate), reconnect after drops, save the session as it advances, and on shutdown leave it
/// for the next holder. Losing the lease disconnects without ending the session: the new holder resumes it.
/// </summary>
internal sealed partial class ShardRunner
{
    /// <summary>How long a stored session is kept after its last save: Discord lets a session resume only for minutes.</summary>
    private static readonly TimeSpan StoredSessionTtl = TimeSpan.FromMinutes(10);

    private readonly GatewayShard _shard;
    private readonly DiscordOptions _settings;
    private readonly GatewayConnection _connection;
    private readonly GatewayEndpoints _endpoints;
    private readonly IShardCoordinator _coordinator;
    private readonly IShardCoordinator _localGate;
    private readonly BotIdentity _identity;
    private readonly GatewayStatus _status;
    private readonly DiscordMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ShardLeaseKeeper _lease;
    private readonly GatewaySessionState _state;
    private ShardSession? _lastSaved;

    public ShardRunner(
        GatewayShard shard,
        DiscordOptions settings,
        GatewayConnection connection,
        GatewayEndpoints endpoints,
        IShardCoordinator coordinator,
        IShardCoordinator localGate,
        BotIdentity identity,
        GatewayStatus status,
        DiscordMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        _shard = shard;
        _settings = settings;
        _connection = connection;
        _endpoints = endpoints;
        _coordinator = coordinator;
        _localGate = localGate;
        _identity = identity;
        _status = status;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _lease = new ShardLeaseKeeper(coordinator, shard, settings, time, logger);
        _state = new GatewaySessionState { KeepResumableOnClose = coordinator.SessionOutlivesProcess };
    }

    /// <summary>Ends when the host stops or the shard stopped for good (fatal close code, refused token).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first network call.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _lease.AcquireAsync(stoppingToken);
                await AdoptStoredSessionAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var lost = WatchLeaseAsync(held);
            var saving = SaveWhileRunningAsync(held.Token);
            var fatal = await ConnectUntilStoppedAsync(held.Token);
            var leaseLost = lost.IsCompleted && await lost;
            await held.CancelAsync();
            leaseLost |= await lost;
            await saving;
            if (leaseLost)
            {
                // The new holder resumes from what it finds stored; this copy must not be used again.
                _state.Clear();
                _lastSaved = null;
                _state.KeepResumableOnClose = _coordinator.SessionOutlivesProcess;
                continue;
            }

            await SaveSessionAsync(CancellationToken.None);
            await _lease.ReleaseAsync();
            if (fatal)
            {
                return;
            }
        }

        _status.SetConnected(_shard, false);
    }

    /// <summary>Renews the lease; when it is lost, marks the session resumable for the new holder and disconnects.</summary>
    private async Task<bool> WatchLeaseAsync(CancellationTokenSource held)
    {
        if (!await _lease.KeepAsync(held.Token))
        {
            return false;
        }

        _state.KeepResumableOnClose = true;
        await held.CancelAsync();
        return true;
    }

    /// <summary>The reconnect loop; returns true when the shard stopped for good, false when cancelled.</summary>
    private async Task<bool> ConnectUntilStoppedAsync(CancellationToken cancellationToken)
    {
        Uri? identifyUrl = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Jitter.Backoff(failures, _settings.ReconnectBackoffInitial, _settings.ReconnectBackoffMax), _time, cancellationToken);
                var resume = _state.CanResume;
                Uri url;
                var maxConcurrency = 1;
                if (resume)
                {
                    url = _state.ResumeUrl ?? identifyUrl ?? (await _endpoints.LookupAsync(cancellationToken)).Url;
                }
                else
                {
                    var endpoint = await _endpoints.LookupAsync(cancellationToken);
                    maxConcurrency = endpoint.MaxConcurrency;
                    url = identifyUrl = endpoint.Url;
                }

                var outcome = await _connection.RunAsync(_shard, url, _state, resume, new SharedIdentifyGate(this, maxConcurrency), cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                failures = outcome.WasReady ? 0 : failures + 1;
                if (outcome.Next == GatewayNext.Stop)
                {
                    LogFatal(outcome.CloseCode ?? 0, outcome.Reason);
                    _status.Stop($"fatal close code {outcome.CloseCode}: {outcome.Reason}");
                    return true;
                }

                if (outcome.ConnectFailed && resume)
                {
                    // A resume URL that cannot be reached is dropped; the session may still resume on the normal URL.
                    _state.ResumeUrl = null;
                }

                if (outcome.Next == GatewayNext.Identify)
                {
                    _state.Clear();
                    await ForgetStoredSessionAsync(cancellationToken);
                }

                if (outcome.InvalidSession)
                {
                    await Task.Delay(_settings.InvalidSessionDelayMax * Random.Shared.NextDouble(), _time, cancellationToken);
                }

                _metrics.Reconnects.Add(1);
                LogReconnecting(outcome.Reason, _state.CanResume, failures);
            }
            catch (DiscordRestException ex) when (ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                LogFatal((int)ex.Status!, "GET /gateway/bot was refused: check Discord:BotToken");
                _status.Stop("the bot token was refused");
                return true;
            }
            catch (DiscordRestException ex)
            {
                failures++;
                LogGatewayLookupFailed((int?)ex.Status, failures);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A background service that throws stops the whole host; the gateway backs off and tries again instead.
                failures++;
                LogUnexpected(ex, failures);
            }
        }

        _status.SetConnected(_shard, false);
        return false;
    }

    /// <summary>
    /// The IDENTIFY slots of this shard's bucket, shared by every replica; this process's own gate while shared state
    /// is away (it then spaces only this process's identifies).
    /// </summary>
    private sealed class SharedIdentifyGate(ShardRunner runner, int maxConcurrency) : IIdentifyGate
    {
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            // As with the lease: shared state that does not answer may still be connecting, so it gets time to.
            var localAfter = runner._time.GetUtcNow() + ShardLeaseKeeper.WaitForSharedState(runner._settings);
            while (true)
            {
                try
                {
                    await runner._coordinator.WaitToIdentifyAsync(runner._shard.Id, maxConcurrency, runner._settings.IdentifyInterval, cancellationToken);
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (runner._time.GetUtcNow() >= localAfter)
                    {
                        runner.LogIdentifyGateUnreachable(runner._shard.Id, ex.GetType().Name);
                        await runner._localGate.WaitToIdentifyAsync(runner._shard.Id, maxConcurrency, runner._settings.IdentifyInterval, cancellationToken);
                        return;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), runner._time, cancellationToken);
                }
            }
        }

        public async Task SentAsync(CancellationToken cancellationToken)
        {
            await runner._localGate.IdentifySentAsync(runner._shard.Id, maxConcurrency, runner._settings.IdentifyInterval, cancellationToken);
            try
            {
                await runner._coordinator.IdentifySentAsync(runner._shard.Id, maxConcurrency, runner._settings.IdentifyInterval, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The slot taken before sending still expires one spacing after it was taken; only the margin is lost.
                runner.LogIdentifyGateUnreachable(runner._shard.Id, ex.GetType().Name);
            }
        }
    }

    /// <summary>Picks up the session a previous holder left, so this process resumes instead of identifying.</summary>
    private async Task AdoptStoredSessionAsync(CancellationToken cancellationToken)
    {
        if (_state.CanResume)
        {
            return;
        }

        ShardSession? stored;
        try
        {
            stored = await _coordinator.LoadSessionAsync(_shard.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSessionStoreFailed(_shard.Id, ex.GetType().Name);
            return;
        }

        if (stored is null)
        {
            return;
        }

        _state.SessionId = stored.SessionId;
        _state.ResumeUrl = stored.ResumeUrl;
        _state.BotUserId = stored.BotUserId;
        _state.Advance(stored.Sequence);
        _identity.SetUser(new Snowflake(stored.BotUserId));
        _lastSaved = stored;
        LogAdopted(_shard.Id, stored.Sequence);
    }

    private async Task SaveWhileRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_settings.SessionSaveInterval, _time, cancellationToken);
                await SaveSessionAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the shard; the last save happens after the connection closed.
        }
    }

    /// <summary>Saves the session when it moved since the last save. A fenced-out write is dropped: the lease watcher stops the shard.</summary>
    private async Task SaveSessionAsync(CancellationToken cancellationToken)
    {
        if (_lease.Lease is not { } lease
            || _state is not { SessionId: { } id, ResumeUrl: { } url, Sequence: { } sequence, BotUserId: { } botUserId })
        {
            return;
        }

        var session = new ShardSession(id, sequence, url, botUserId);
        if (session == _lastSaved)
        {
            return;
        }

        try
        {
            if (await _coordinator.SaveSessionAsync(lease, session, StoredSessionTtl, cancellationToken))
            {
                _lastSaved = session;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSessionStoreFailed(_shard.Id, ex.GetType().Name);
        }
    }

    private async Task ForgetStoredSessionAsync(CancellationToken cancellationToken)
    {
        _lastSaved = null;
        if (_lease.Lease is not { } lease)
        {
            return;
        }

        try
        {
            await _coordinator.ForgetSessionAsync(lease, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A replacement would try the dead session once, get INVALID_SESSION and identify: slower, not wrong.
            LogSessionStoreFailed(_shard.Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped for good: close code {CloseCode} ({Reason}). Fix the configuration and restart.")]
    private partial void LogFatal(int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway reconnecting after {Reason} (resume: {Resume}, consecutive failures: {Failures})")]
    private partial void LogReconnecting(string reason, bool resume, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /gateway/bot failed with {Status}; attempt {Failures}")]
    private partial void LogGatewayLookupFailed(int? status, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway session failed unexpectedly; attempt {Failures}")]
    private partial void LogUnexpected(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: resuming the stored session from sequence {Sequence}")]
    private partial void LogAdopted(int shardId, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: the stored session could not be read or written ({Error})")]
    private partial void LogSessionStoreFailed(int shardId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: shared IDENTIFY gate unreachable ({Error}); spacing identifies in this process only")]
    private partial void LogIdentifyGateUnreachable(int shardId, string error);
}

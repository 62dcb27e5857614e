using Microsoft.Extensions.Logging;
using SkinBot.Core.State;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// This process's claim on one shard: wait for the lease, renew it while the shard runs, hand it over on shutdown.
/// While shared state is unreachable the shard runs unguarded (the pod ordinal is then the only guard) rather than not at
/// all, and the lease is taken as soon as shared state answers again.
/// </summary>
internal sealed partial class ShardLeaseKeeper(IShardCoordinator coordinator, GatewayShard shard, DiscordOptions settings, TimeProvider time, ILogger logger)
{
    /// <summary>The least time shared state gets to answer before a shard runs without it: a busy pod may take seconds to connect.</summary>
    private static readonly TimeSpan MinimumWaitForSharedState = TimeSpan.FromSeconds(15);

    private readonly ILogger _logger = logger;
    private bool _unreachableLogged;

    /// <summary>The lease held now, or null while running unguarded.</summary>
    public ShardLease? Lease { get; private set; }

    private TimeSpan RenewEvery => settings.ShardLeaseTtl / 3;

    /// <summary>Returns once this process may run the shard: it holds the lease, or shared state cannot be asked.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        var waitingLogged = false;
        // Shared state that does not answer yet is usually still connecting (at start-up, or just back): wait for it
        // before running unguarded, so replicas starting together still take turns.
        var unguardedAfter = time.GetUtcNow() + WaitForSharedState(settings);
        while (true)
        {
            try
            {
                Lease = await coordinator.TryAcquireAsync(shard.Id, settings.ShardLeaseTtl, cancellationToken);
                if (Lease is not null)
                {
                    LogAcquired(shard.Id, Lease.FencingToken);
                    _unreachableLogged = false;
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (time.GetUtcNow() >= unguardedAfter)
                {
                    LogUnguarded(shard.Id, ex.GetType().Name);
                    _unreachableLogged = true;
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
                continue;
            }

            if (!waitingLogged)
            {
                // Normal during a rolling update: the old pod hands over on shutdown, or its lease runs out if it died.
                LogWaiting(shard.Id);
                waitingLogged = true;
            }

            await Task.Delay(Jitter.Backoff(1, RenewEvery, RenewEvery), time, cancellationToken);
        }
    }

    /// <summary>How long to wait for shared state that does not answer before going on without it.</summary>
    public static TimeSpan WaitForSharedState(DiscordOptions settings) =>
        settings.ShardLeaseTtl > MinimumWaitForSharedState ? settings.ShardLeaseTtl : MinimumWaitForSharedState;

    /// <summary>Renews until cancelled; returns true as soon as the lease is known to be lost (someone else runs the shard).</summary>
    public async Task<bool> KeepAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(RenewEvery, time, cancellationToken);
                if (Lease is null)
                {
                    Lease = await coordinator.TryAcquireAsync(shard.Id, settings.ShardLeaseTtl, cancellationToken);
                    if (Lease is null)
                    {
                        LogLost(shard.Id);
                        return true;
                    }

                    LogAcquired(shard.Id, Lease.FencingToken);
                }
                else if (!await coordinator.RenewAsync(Lease, settings.ShardLeaseTtl, cancellationToken))
                {
                    LogLost(shard.Id);
                    Lease = null;
                    return true;
                }

                _unreachableLogged = false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                // Unknown is not lost: nobody else can take the lease from a Redis nobody reaches.
                if (!_unreachableLogged)
                {
                    LogRenewFailed(shard.Id, ex.GetType().Name);
                    _unreachableLogged = true;
                }
            }
        }
    }

    /// <summary>Lets a replacement take the shard at once instead of waiting out the lease.</summary>
    public async Task ReleaseAsync()
    {
        if (Lease is not { } lease)
        {
            return;
        }

        Lease = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await coordinator.ReleaseAsync(lease, timeout.Token);
        }
        catch (Exception ex)
        {
            // The lease then runs out by itself; the replacement waits at most its TTL.
            LogReleaseFailed(shard.Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: lease taken (fencing token {FencingToken})")]
    private partial void LogAcquired(int shardId, long fencingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {ShardId}: another process holds the lease; waiting for it")]
    private partial void LogWaiting(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: shared state unreachable ({Error}); running without a lease until it answers")]
    private partial void LogUnguarded(int shardId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: lease lost to another process; disconnecting and leaving the session to it")]
    private partial void LogLost(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: could not renew the lease ({Error}); still running while shared state is away")]
    private partial void LogRenewFailed(int shardId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {ShardId}: could not release the lease ({Error}); it expires by itself")]
    private partial void LogReleaseFailed(int shardId, string error);
}

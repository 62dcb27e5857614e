using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Discord.Rest;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// Keeps this process's gateway shards (<see cref="ShardAssignment"/>) connected for the life of the host, each on a
/// connection of its own: identify, resume after drops, re-identify after an invalid session, back off on repeated
/// failures, and stop for good on a fatal close code.
/// </summary>
internal sealed partial class GatewaySession(
    IOptions<DiscordOptions> options,
    GatewayConnection connection,
    DiscordRestClient rest,
    GatewayStatus status,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<GatewaySession> logger) : BackgroundService
{
    private readonly DiscordOptions _settings = options.Value;
    private readonly SemaphoreSlim _identifyGate = new(1, 1);
    private DateTimeOffset _lastIdentify = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.HasBotToken)
        {
            LogNoToken();
            status.Stop("Discord:BotToken is not set");
            return;
        }

        var shards = ShardAssignment.Owned(_settings);
        status.Expect(shards);
        LogShards(string.Join(", ", shards), _settings.GatewayReplicas, _settings.GatewayOrdinal ?? 0);
        await Task.WhenAll(shards.Select(shard => RunShardAsync(shard, stoppingToken)));
    }

    private async Task RunShardAsync(GatewayShard shard, CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first network call.
        await Task.Yield();
        var state = new GatewaySessionState();
        Uri? identifyUrl = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Jitter.Backoff(failures, _settings.ReconnectBackoffInitial, _settings.ReconnectBackoffMax), time, stoppingToken);
                var resume = state.CanResume;
                Uri url;
                if (resume)
                {
                    url = state.ResumeUrl ?? identifyUrl ?? await GatewayUrlAsync(stoppingToken);
                }
                else
                {
                    await SpaceIdentifyAsync(stoppingToken);
                    url = identifyUrl = await GatewayUrlAsync(stoppingToken);
                }

                var outcome = await connection.RunAsync(shard, url, state, resume, stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                failures = outcome.WasReady ? 0 : failures + 1;
                if (outcome.Next == GatewayNext.Stop)
                {
                    LogFatal(outcome.CloseCode ?? 0, outcome.Reason);
                    status.Stop($"fatal close code {outcome.CloseCode}: {outcome.Reason}");
                    return;
                }

                if (outcome.ConnectFailed && resume)
                {
                    // A resume URL that cannot be reached is dropped; the session may still resume on the normal URL.
                    state.ResumeUrl = null;
                }

                if (outcome.Next == GatewayNext.Identify)
                {
                    state.Clear();
                }

                if (outcome.InvalidSession)
                {
                    await Task.Delay(_settings.InvalidSessionDelayMax * Random.Shared.NextDouble(), time, stoppingToken);
                }

                metrics.Reconnects.Add(1);
                LogReconnecting(outcome.Reason, state.CanResume, failures);
            }
            catch (DiscordRestException ex) when (ex.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                LogFatal((int)ex.Status!, "GET /gateway/bot was refused: check Discord:BotToken");
                status.Stop("the bot token was refused");
                return;
            }
            catch (DiscordRestException ex)
            {
                failures++;
                LogGatewayLookupFailed((int?)ex.Status, failures);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A background service that throws stops the whole host; the gateway backs off and tries again instead.
                failures++;
                LogUnexpected(ex, failures);
            }
        }

        status.SetConnected(shard, false);
    }

    /// <summary>The configured URL, or GET /gateway/bot, waiting out an exhausted daily identify budget.</summary>
    private async Task<Uri> GatewayUrlAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_settings.GatewayUrl))
        {
            return new Uri(_settings.GatewayUrl);
        }

        var info = await rest.GetGatewayBotAsync(cancellationToken);
        if (info.SessionStartLimit is { Remaining: <= 0 } limit)
        {
            // Going over 1000 identifies a day resets the bot token, so wait instead.
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            LogIdentifyBudgetExhausted(wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }

        return new Uri(info.Url);
    }

    /// <summary>Takes the next identify slot; the shards of this process queue here, one interval apart.</summary>
    private async Task SpaceIdentifyAsync(CancellationToken cancellationToken)
    {
        await _identifyGate.WaitAsync(cancellationToken);
        try
        {
            var wait = _lastIdentify + _settings.IdentifyInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            _lastIdentify = time.GetUtcNow();
        }
        finally
        {
            _identifyGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord:BotToken is not set: the Discord gateway is not started")]
    private partial void LogNoToken();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway runs shards {Shards} (replica {Ordinal} of {Replicas})")]
    private partial void LogShards(string shards, int replicas, int ordinal);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped for good: close code {CloseCode} ({Reason}). Fix the configuration and restart.")]
    private partial void LogFatal(int closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway reconnecting after {Reason} (resume: {Resume}, consecutive failures: {Failures})")]
    private partial void LogReconnecting(string reason, bool resume, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /gateway/bot failed with {Status}; attempt {Failures}")]
    private partial void LogGatewayLookupFailed(int? status, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway session failed unexpectedly; attempt {Failures}")]
    private partial void LogUnexpected(Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily identify budget exhausted; waiting {Seconds} s")]
    private partial void LogIdentifyBudgetExhausted(double seconds);
}

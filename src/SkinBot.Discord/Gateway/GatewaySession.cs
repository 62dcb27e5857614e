using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using SkinBot.Discord.Messages;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// Keeps this process's gateway shards (<see cref="ShardAssignment"/>) connected for the life of the host, each run by
/// a <see cref="ShardRunner"/> on a connection of its own, coordinated with other replicas through <see cref="IShardCoordinator"/>.
/// </summary>
internal sealed partial class GatewaySession(
    IOptions<DiscordOptions> options,
    GatewayConnection connection,
    GatewayEndpoints endpoints,
    IShardCoordinator coordinator,
    BotIdentity identity,
    GatewayStatus status,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<GatewaySession> logger) : BackgroundService
{
    private readonly DiscordOptions _settings = options.Value;

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
        // Spaces this process's identifies while the shared gate cannot be reached.
        var localGate = new InMemoryShardCoordinator(time);
        var runners = shards.Select(shard => new ShardRunner(shard, _settings, connection, endpoints, coordinator, localGate, identity, status, metrics, time, logger));
        await Task.WhenAll(runners.Select(runner => runner.RunAsync(stoppingToken)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord:BotToken is not set: the Discord gateway is not started")]
    private partial void LogNoToken();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway runs shards {Shards} (replica {Ordinal} of {Replicas})")]
    private partial void LogShards(string shards, int replicas, int ordinal);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SkinBot.Redis;

/// <summary>
/// The one multiplexer for the process. It never throws at start-up (AbortOnConnectFail=false) and reconnects by
/// itself; services ask <see cref="TryGetDatabase"/> and use their in-memory twin while it answers null. The
/// first failure and the recovery are each logged once.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;
    private int _down;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var settings = options.Value;
        Keys = new RedisKeys(settings.KeyPrefix);
        _multiplexer = new Lazy<ConnectionMultiplexer>(() => Connect(settings));
    }

    public RedisKeys Keys { get; }

    public bool IsConnected => _multiplexer.Value.IsConnected;

    /// <summary>The database when Redis is reachable now; null means "use local state".</summary>
    public IDatabase? TryGetDatabase()
    {
        var connection = _multiplexer.Value;
        if (connection.IsConnected)
        {
            MarkUp();
            return connection.GetDatabase();
        }

        MarkDown("not connected");
        return null;
    }

    /// <summary>Every primary server, for the few operations that must look at all keys (forgetting a person).</summary>
    public IEnumerable<IServer> PrimaryServers() =>
        _multiplexer.Value.IsConnected ? _multiplexer.Value.GetServers().Where(s => s.IsConnected && !s.IsReplica) : [];

    /// <summary>Called by services when a command failed, so the outage is logged once, not once per message.</summary>
    public void MarkDown(string reason)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            RedisLog.Down(_logger, reason);
        }
    }

    private void MarkUp()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            RedisLog.Recovered(_logger);
        }
    }

    private ConnectionMultiplexer Connect(RedisOptions settings)
    {
        var configuration = ConfigurationOptions.Parse(settings.Configuration!);
        configuration.AbortOnConnectFail = false;
        var timeout = (int)settings.OperationTimeout.TotalMilliseconds;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.ConnectRetry = 1;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        var connection = ConnectionMultiplexer.Connect(configuration);
        connection.ConnectionFailed += (_, e) => MarkDown(e.FailureType.ToString());
        connection.ConnectionRestored += (_, _) => MarkUp();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated)
        {
            await _multiplexer.Value.DisposeAsync();
        }
    }
}

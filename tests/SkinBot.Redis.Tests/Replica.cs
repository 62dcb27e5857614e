using Microsoft.Extensions.Options;
using SkinBot.Core.Engine;
using SkinBot.Core.State;
using SkinBot.Testing;

namespace SkinBot.Redis.Tests;

/// <summary>
/// What one SkinBot replica holds of shared state: its own multiplexer and its own in-memory twins. Two replicas in
/// one test are two independent connections to the same Redis, as two pods would be.
/// </summary>
internal sealed class Replica : IAsyncDisposable
{
    /// <param name="waitForConnection">
    /// Wait (up to 10 s) until the multiplexer has connected: it connects in the background, and a replica that asks
    /// before then rightly answers from local state, which is not what a test of shared state means to check.
    /// </param>
    public Replica(string configuration, LogCapture? logs = null, bool waitForConnection = true)
    {
        Logs = logs ?? new LogCapture();
        var options = Options.Create(new RedisOptions { Configuration = configuration, OperationTimeout = TimeSpan.FromMilliseconds(500) });
        Connection = new RedisConnection(options, Logs.For<RedisConnection>());
        var ledgerOptions = Options.Create(new DeliveryLedgerOptions());
        Ledger = new RedisDeliveryLedger(Connection, new InMemoryDeliveryLedger(ledgerOptions, TimeProvider.System), ledgerOptions, Logs.For<RedisDeliveryLedger>());
        var engine = Options.Create(new EngineOptions());
        Conversations = new RedisConversationStore(Connection, new InMemoryConversationStore(engine, TimeProvider.System), engine, Logs.For<RedisConversationStore>());
        Buckets = new RedisTokenBucket(Connection, Logs.For<RedisTokenBucket>());
        Quota = new RedisQuota(Connection, Logs.For<RedisQuota>());
        Health = new RedisHealthCheck(Connection);
        if (waitForConnection)
        {
            SpinWait.SpinUntil(() => Connection.IsConnected, TimeSpan.FromSeconds(10));
        }
    }

    public LogCapture Logs { get; }

    public RedisConnection Connection { get; }

    public RedisDeliveryLedger Ledger { get; }

    public RedisConversationStore Conversations { get; }

    public RedisTokenBucket Buckets { get; }

    public RedisQuota Quota { get; }

    public RedisHealthCheck Health { get; }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

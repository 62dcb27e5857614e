using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.State;
using SkinBot.Discord.Tests.Fakes;
using static SkinBot.Discord.Tests.GatewayTests;

namespace SkinBot.Discord.Tests;

/// <summary>
/// Gateway pods hand shards to each other through shared state (issue 12): one runner per shard, the session resumed by
/// the next pod, identifies spaced across pods. Redis plays the shared state in production; here two hosts share one
/// in-memory coordinator, which keeps leases, fences and sessions by the same rules.
/// </summary>
public sealed class ShardHandOverTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_replacement_pod_resumes_the_shard_and_answers_what_arrived_while_no_pod_was_connected()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var shared = new SharedCoordinator();
        var settings = Fast(BotHost.Settings(discord));
        var first = await BotHost.StartAsync(settings, services: shared.Register);
        await discord.Gateway.WaitForReadyAsync();
        discord.Gateway.Dispatch("GUILD_CREATE", Payloads.GuildCreate());
        await EventuallyAsync(async () => (await shared.LoadSessionAsync(0, None))?.Sequence >= 2);

        await first.DisposeAsync();

        var left = discord.Gateway.Connections.Single();
        await Eventually(() => left.ClientCloseCode is not null);
        Assert.Equal(4000, left.ClientCloseCode);
        var saved = await shared.LoadSessionAsync(0, None);
        Assert.NotNull(saved);
        Assert.Equal(ulong.Parse(FakeGateway.BotUserId, System.Globalization.CultureInfo.InvariantCulture), saved.BotUserId);

        // Sent while no pod holds the shard; Discord replays it on RESUME, and the new pod knows the bot's id without a READY.
        var missedId = Payloads.NewId();
        discord.Gateway.Dispatch("MESSAGE_CREATE", Payloads.Message(
            missedId, $"<@{FakeGateway.BotUserId}> what are boxcar scars?", Payloads.ChannelId, Payloads.GuildId, Payloads.UserId, false, [FakeGateway.BotUserId], null, null, null));
        await using var second = await BotHost.StartAsync(settings, services: shared.Register);
        await discord.Gateway.WaitForReadyAsync(2);

        var taken = discord.Gateway.Connections.ElementAt(1);
        Assert.Null(taken.Identify);
        using var resume = JsonDocument.Parse(taken.Resume!);
        Assert.Equal(saved.SessionId, resume.RootElement.GetProperty("session_id").GetString());
        Assert.Equal(saved.Sequence, resume.RootElement.GetProperty("seq").GetInt64());
        var replies = await discord.Rest.WaitForAsync(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal), 1);
        Assert.Contains(replies, r => r.Body!.Value.GetProperty("message_reference").GetProperty("message_id").GetString() == missedId);
    }

    [Fact]
    public async Task A_pod_started_while_another_holds_the_shard_waits_and_takes_over_when_it_stops()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var shared = new SharedCoordinator();
        var settings = Fast(BotHost.Settings(discord));
        var first = await BotHost.StartAsync(settings, services: shared.Register);
        await discord.Gateway.WaitForReadyAsync();

        // Under load READY can reach the fake before the first pod has stored the session this test hands over.
        await EventuallyAsync(async () => await shared.LoadSessionAsync(0, None) is not null);
        await using var second = await BotHost.StartAsync(settings, services: shared.Register);
        await Task.Delay(600);
        Assert.Single(discord.Gateway.Connections);

        await first.DisposeAsync();
        await discord.Gateway.WaitForReadyAsync(2);
        Assert.Equal(2, discord.Gateway.Connections.Count);
        Assert.NotNull(discord.Gateway.Connections.ElementAt(1).Resume);
    }

    [Fact]
    public async Task A_pod_that_loses_its_lease_disconnects_resumably_and_does_not_reconnect_while_another_holds_the_shard()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var shared = new SharedCoordinator();
        await using var bot = await BotHost.StartAsync(Fast(BotHost.Settings(discord)), services: shared.Register);
        await discord.Gateway.WaitForReadyAsync();
        var connection = discord.Gateway.Connections.Single();

        shared.TakeOverElsewhere();

        await Eventually(() => connection.ClientCloseCode is not null);
        Assert.Equal(4000, connection.ClientCloseCode);
        await Task.Delay(600);
        Assert.Single(discord.Gateway.Connections);
        Assert.False(bot.Services.GetRequiredService<SkinBot.Discord.Gateway.GatewayStatus>().Connected);
    }

    [Fact]
    public async Task Pods_sharing_an_identify_bucket_identify_one_spacing_apart()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var shared = new SharedCoordinator();
        var settings = Fast(BotHost.Settings(discord));
        settings["Discord:ShardCount"] = "2";
        settings["Discord:GatewayReplicas"] = "2";
        settings["Discord:IdentifyInterval"] = "00:00:00.400";
        var zero = new Dictionary<string, string?>(settings) { ["Discord:GatewayOrdinal"] = "0" };
        var one = new Dictionary<string, string?>(settings) { ["Discord:GatewayOrdinal"] = "1" };

        var pods = await Task.WhenAll(BotHost.StartAsync(zero, services: shared.Register), BotHost.StartAsync(one, services: shared.Register));
        await using var podZero = pods[0];
        await using var podOne = pods[1];
        await discord.Gateway.WaitForReadyAsync(2);

        var identified = discord.Gateway.Connections.Select(c => c.IdentifiedAt!.Value).Order().ToList();
        Assert.True(identified[1] - identified[0] >= TimeSpan.FromMilliseconds(380), $"identifies {identified[1] - identified[0]} apart");
    }

    [Fact]
    public async Task A_single_process_without_shared_state_ends_its_session_on_shutdown()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var bot = await BotHost.StartAsync(BotHost.Settings(discord));
        await discord.Gateway.WaitForReadyAsync();

        await bot.DisposeAsync();

        var connection = discord.Gateway.Connections.Single();
        await Eventually(() => connection.ClientCloseCode is not null);
        // Nobody could resume it: a session left open would keep the bot looking online until Discord times it out.
        Assert.Equal(1000, connection.ClientCloseCode);
    }

    private static Dictionary<string, string?> Fast(Dictionary<string, string?> settings)
    {
        settings["Discord:SessionSaveInterval"] = "00:00:00.050";
        settings["Discord:ShardLeaseTtl"] = "00:00:00.300";
        return settings;
    }

    /// <summary>
    /// Shared state that outlives both hosts, as Redis does: the real in-memory coordinator held by the test, saying
    /// that its sessions survive a process, and able to hand the shard to an imaginary third pod.
    /// </summary>
    private sealed class SharedCoordinator : IShardCoordinator
    {
        private readonly InMemoryShardCoordinator _inner = new(TimeProvider.System);
        private volatile bool _heldElsewhere;

        public bool SessionOutlivesProcess => true;

        public void Register(IServiceCollection services) => services.AddSingleton<IShardCoordinator>(this);

        /// <summary>Another pod takes the shard: the fence moves on, so every renewal and session write of the old holder is refused.</summary>
        public void TakeOverElsewhere() => _heldElsewhere = true;

        public async ValueTask<ShardLease?> TryAcquireAsync(int shardId, TimeSpan ttl, CancellationToken cancellationToken) =>
            _heldElsewhere ? null : await _inner.TryAcquireAsync(shardId, ttl, cancellationToken);

        public async ValueTask<bool> RenewAsync(ShardLease lease, TimeSpan ttl, CancellationToken cancellationToken) =>
            !_heldElsewhere && await _inner.RenewAsync(lease, ttl, cancellationToken);

        public ValueTask ReleaseAsync(ShardLease lease, CancellationToken cancellationToken) => _inner.ReleaseAsync(lease, cancellationToken);

        public ValueTask<ShardSession?> LoadSessionAsync(int shardId, CancellationToken cancellationToken) => _inner.LoadSessionAsync(shardId, cancellationToken);

        public async ValueTask<bool> SaveSessionAsync(ShardLease lease, ShardSession session, TimeSpan ttl, CancellationToken cancellationToken) =>
            !_heldElsewhere && await _inner.SaveSessionAsync(lease, session, ttl, cancellationToken);

        public ValueTask ForgetSessionAsync(ShardLease lease, CancellationToken cancellationToken) => _inner.ForgetSessionAsync(lease, cancellationToken);

        public ValueTask WaitToIdentifyAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken) =>
            _inner.WaitToIdentifyAsync(shardId, maxConcurrency, spacing, cancellationToken);

        public ValueTask IdentifySentAsync(int shardId, int maxConcurrency, TimeSpan spacing, CancellationToken cancellationToken) =>
            _inner.IdentifySentAsync(shardId, maxConcurrency, spacing, cancellationToken);
    }
}

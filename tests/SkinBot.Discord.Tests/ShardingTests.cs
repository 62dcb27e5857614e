using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SkinBot.Discord.Gateway;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

/// <summary>Gateway replicas share the shards by ordinal (issue 12): who connects which shard, and how it is configured.</summary>
public sealed class ShardingTests
{
    [Fact]
    public async Task A_replica_identifies_once_for_each_shard_its_ordinal_owns()
    {
        await using var harness = await GatewayHarness.StartAsync(s =>
        {
            s["Discord:ShardCount"] = "5";
            s["Discord:GatewayReplicas"] = "2";
            s["Discord:GatewayOrdinal"] = "1";
        });

        await harness.Gateway.WaitForReadyAsync(2);
        Assert.Equal([[1, 5], [3, 5]], IdentifiedShards(harness.Gateway));
    }

    [Fact]
    public async Task A_single_replica_runs_every_shard()
    {
        await using var harness = await GatewayHarness.StartAsync(s => s["Discord:ShardCount"] = "3");

        await harness.Gateway.WaitForReadyAsync(3);
        Assert.Equal([[0, 3], [1, 3], [2, 3]], IdentifiedShards(harness.Gateway));
    }

    [Theory]
    [InlineData(7, 3, 0, new[] { 0, 3, 6 })]
    [InlineData(7, 3, 2, new[] { 2, 5 })]
    [InlineData(4, 4, 3, new[] { 3 })]
    [InlineData(2, 1, 0, new[] { 0, 1 })]
    public void A_replica_owns_the_shards_whose_id_modulo_the_replicas_is_its_ordinal(int shardCount, int replicas, int ordinal, int[] expected)
    {
        var owned = ShardAssignment.Owned(shardCount, replicas, ordinal);

        Assert.Equal(expected, owned.Select(s => s.Id));
        Assert.All(owned, s => Assert.Equal(shardCount, s.Count));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(16, 3)]
    [InlineData(10, 10)]
    public void Every_shard_is_owned_by_exactly_one_replica(int shardCount, int replicas)
    {
        var owners = Enumerable.Range(0, replicas).SelectMany(ordinal => ShardAssignment.Owned(shardCount, replicas, ordinal)).Select(s => s.Id).ToList();

        Assert.Equal(Enumerable.Range(0, shardCount), owners.Order());
    }

    [Fact]
    public void A_pinned_shard_id_runs_only_that_shard()
    {
        var owned = ShardAssignment.Owned(new DiscordOptions { ShardId = 2, ShardCount = 4 });

        Assert.Equal([new GatewayShard(2, 4)], owned);
    }

    [Theory]
    [InlineData("skinbot-gateway-2", 2)]
    [InlineData("skinbot-gateway-0", 0)]
    [InlineData("gw-12", 12)]
    [InlineData("skinbot-gateway", null)]
    [InlineData("skinbot-gateway-", null)]
    [InlineData("skinbot-web-7d9f8c6b5-x2k4p", null)]
    [InlineData("", null)]
    public void The_ordinal_is_the_number_at_the_end_of_a_stateful_set_pod_name(string hostName, int? expected) =>
        Assert.Equal(expected, PodOrdinal.FromHostName(hostName));

    [Fact]
    public void With_several_replicas_and_no_ordinal_set_the_host_name_gives_it()
    {
        var options = new DiscordOptions { ShardCount = 4, GatewayReplicas = 2 };

        new PodOrdinal.FromHost(() => "skinbot-gateway-1").PostConfigure(Options.DefaultName, options);

        Assert.Equal(1, options.GatewayOrdinal);
        Assert.Equal([1, 3], ShardAssignment.Owned(options).Select(s => s.Id));
    }

    [Fact]
    public void A_single_process_never_takes_an_ordinal_from_its_host_name()
    {
        var options = new DiscordOptions { ShardCount = 4 };

        new PodOrdinal.FromHost(() => "laptop-2").PostConfigure(Options.DefaultName, options);

        Assert.Null(options.GatewayOrdinal);
        Assert.Equal([0, 1, 2, 3], ShardAssignment.Owned(options).Select(s => s.Id));
    }

    [Fact]
    public void An_explicit_ordinal_wins_over_the_host_name()
    {
        var options = new DiscordOptions { ShardCount = 4, GatewayReplicas = 2, GatewayOrdinal = 0 };

        new PodOrdinal.FromHost(() => "skinbot-gateway-1").PostConfigure(Options.DefaultName, options);

        Assert.Equal(0, options.GatewayOrdinal);
    }

    [Fact]
    public void An_empty_ordinal_from_a_missing_pod_index_label_counts_as_unset()
    {
        // The downward API gives "" for a label the pod lacks (clusters before Kubernetes 1.28).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Discord:GatewayOrdinal", string.Empty), new("Discord:GatewayReplicas", "2")]).Build();
        var options = new DiscordOptions { ShardCount = 4 };

        configuration.GetSection(DiscordOptions.SectionName).Bind(options);
        new PodOrdinal.FromHost(() => "skinbot-gateway-1").PostConfigure(Options.DefaultName, options);

        Assert.Equal(1, options.GatewayOrdinal);
    }

    [Theory]
    [InlineData(4, 0, null, null, "Discord:GatewayReplicas must be at least 1")]
    [InlineData(2, 3, 0, null, "Discord:ShardCount must be at least Discord:GatewayReplicas")]
    [InlineData(4, 2, 2, null, "Discord:GatewayOrdinal must be between 0 and GatewayReplicas - 1")]
    [InlineData(4, 2, -1, null, "Discord:GatewayOrdinal must be between 0 and GatewayReplicas - 1")]
    [InlineData(4, 2, null, null, "Discord:GatewayOrdinal is not set")]
    [InlineData(4, 2, 0, 1, "Discord:ShardId pins one shard per process")]
    public void A_sharding_setting_that_cannot_work_is_refused_at_start(int shardCount, int replicas, int? ordinal, int? shardId, string problem)
    {
        var options = new DiscordOptions { ShardCount = shardCount, GatewayReplicas = replicas, GatewayOrdinal = ordinal, ShardId = shardId };

        var result = new DiscordOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Readiness_waits_for_every_shard_of_the_process()
    {
        var status = new GatewayStatus();
        status.Expect([new GatewayShard(0, 4), new GatewayShard(2, 4)]);

        status.SetConnected(new GatewayShard(0, 4), true);
        Assert.False(status.Connected);

        status.SetConnected(new GatewayShard(2, 4), true);
        Assert.True(status.Connected);

        status.SetConnected(new GatewayShard(0, 4), false);
        Assert.False(status.Connected);
    }

    private static List<int[]> IdentifiedShards(FakeGateway gateway) =>
        [.. gateway.Connections
            .Where(c => c.Identify is not null)
            .Select(c => JsonDocument.Parse(c.Identify!).RootElement.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray())
            .OrderBy(shard => shard[0])];
}

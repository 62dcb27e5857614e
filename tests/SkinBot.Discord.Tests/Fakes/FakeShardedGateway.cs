using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// A gateway with several shards behind one URL, as Discord's is: a connection belongs to the shard its IDENTIFY names
/// (or whose session its RESUME names), and a guild's events go to shard <c>(guild_id &gt;&gt; 22) % shards</c>, DMs to shard 0.
/// Each shard is a <see cref="FakeGateway"/> with its own sessions and connection records.
/// </summary>
internal sealed class FakeShardedGateway
{
    public FakeShardedGateway(int shards) =>
        Shards = shards == 1 ? [new FakeGateway()] : [.. Enumerable.Range(0, shards).Select(i => new FakeGateway { SessionPrefix = $"shard{i}-session-" })];

    public IReadOnlyList<FakeGateway> Shards { get; }

    public Func<string>? BaseUrl
    {
        set
        {
            foreach (var shard in Shards)
            {
                shard.BaseUrl = value;
            }
        }
    }

    public IEnumerable<ConnectionRecord> Connections => Shards.SelectMany(s => s.Connections);

    public int ShardOf(string? guildId) =>
        guildId is null ? 0 : (int)((ulong.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % (ulong)Shards.Count);

    public void Dispatch(string? guildId, string eventName, object data) => Shards[ShardOf(guildId)].Dispatch(eventName, data);

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var record = new ConnectionRecord(context.Request.Path.Value!, context.Request.QueryString.Value ?? string.Empty);
        var connection = new FakeGateway.FakeConnection(socket, record);
        try
        {
            if (await Shards[0].GreetAsync(connection) is not { } first)
            {
                return;
            }

            var data = first["d"];
            var shard = first["op"]?.GetValue<int>() == 2
                ? Shards[data!["shard"]![0]!.GetValue<int>()]
                : Shards.FirstOrDefault(s => s.HasSession(data?["session_id"]?.GetValue<string>() ?? string.Empty)) ?? Shards[0];
            shard.Connections.Enqueue(record);
            await shard.ContinueAsync(connection, first);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; its shard's next connection carries on.
        }
        finally
        {
            await connection.Stop.CancelAsync();
        }
    }
}

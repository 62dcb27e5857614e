using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Teams.Tests.Fakes;
using SkinBot.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace SkinBot.Redis.Tests.Fleet;

/// <summary>
/// The proof of issue 12 on one machine: three SkinBot processes, one real Redis, a fake Discord with three gateway
/// shards and a fake Bot Framework (token issuer, OpenID keys, connector). Messages, interactions, Teams activities and
/// web chat turns land on any replica — some twice, some while a replica is dead,
/// some while Redis is down — and the three must behave as one bot. A transcript of what happened is printed on failure.
/// </summary>
public sealed class FleetTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Shards = 3;
    private const int PerUserPermitsPerMinute = 6;
    /// <summary>Long enough that the fake's late reads (below) cannot hide the spacing; short enough to keep the test quick.</summary>
    private static readonly TimeSpan IdentifyInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentQueue<string> _transcript = new();
    private readonly InteractionSigner _signer = new();
    private readonly List<ReplicaProcess> _replicas = [];
    private readonly TempFolder _folder = new();
    // Null until set-up reaches them; DisposeAsync checks, since a failed set-up disposes what it started.
    private RedisServer _redis = null!;
    private FakeDiscord _discord = null!;
    private FakeOpenIdServer _openId = null!;
    private FakeTokenEndpoint _tokens = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await StartFleetAsync();
        }
        catch
        {
            // xunit does not dispose a class whose set-up threw: the servers and processes started so far must not outlive it.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartFleetAsync()
    {
        _redis = await RedisServer.StartAsync();
        _discord = await FakeDiscord.StartAsync(Shards);
        _openId = await FakeOpenIdServer.StartAsync();
        _tokens = await FakeTokenEndpoint.StartAsync();
        _connector = await FakeConnector.StartAsync();
        // The token endpoint is https with a self-signed certificate (MSAL refuses http): the host processes trust it,
        // and only it, through OpenSSL's certificate file.
        var trusted = Path.Combine(_folder.Path, "fake-entra.pem");
        await File.WriteAllTextAsync(trusted, FakeTokenEndpoint.Certificate.ExportCertificatePem());
        var settings = new Dictionary<string, string>
        {
            ["SKINBOT__Host__Role"] = "all",
            ["SKINBOT__Redis__Configuration"] = _redis.Configuration,
            ["SKINBOT__WebChat__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["SKINBOT__WebChat__TrustedProxies__0"] = "127.0.0.1",
            ["SKINBOT__Limits__PerUserPermitsPerMinute"] = PerUserPermitsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["SKINBOT__Limits__PerChannelPermitsPerMinute"] = "1000",
            ["SKINBOT__Discord__BotToken"] = TestCredentials.New("bot-token"),
            ["SKINBOT__Discord__ApplicationId"] = FakeGateway.ApplicationId,
            ["SKINBOT__Discord__PublicKey"] = _signer.PublicKeyHex,
            ["SKINBOT__Discord__ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["SKINBOT__Discord__ShardCount"] = Shards.ToString(CultureInfo.InvariantCulture),
            ["SKINBOT__Discord__GatewayReplicas"] = Shards.ToString(CultureInfo.InvariantCulture),
            ["SKINBOT__Discord__IdentifyInterval"] = IdentifyInterval.ToString(),
            ["SKINBOT__Discord__ShardLeaseTtl"] = "00:00:03",
            ["SKINBOT__Discord__SessionSaveInterval"] = "00:00:00.200",
            ["SKINBOT__Discord__ReconnectBackoffInitial"] = "00:00:00.100",
            ["SKINBOT__Discord__ReconnectBackoffMax"] = "00:00:01",
            ["SKINBOT__Teams__MicrosoftAppId"] = TeamsTestApp.AppId,
            ["SKINBOT__Teams__MicrosoftAppPassword"] = TeamsTestApp.AppPassword,
            ["SKINBOT__Teams__MicrosoftAppTenantId"] = FakeTokenEndpoint.Tenant,
            ["SKINBOT__Teams__MicrosoftAppType"] = "SingleTenant",
            ["SKINBOT__Teams__OpenIdMetadataUrl"] = _openId.MetadataUrl,
            ["SKINBOT__Teams__TokenEndpoint"] = _tokens.Authority,
            ["SKINBOT__Teams__AllowLoopbackHttpServiceUrls"] = "true",
            ["SSL_CERT_FILE"] = trusted,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        _replicas.AddRange(Enumerable.Range(0, Shards).Select(ordinal => ReplicaProcess.Start(ordinal, settings)));
        var ready = await Task.WhenAll(_replicas.Select(r => r.ReadyAsync()));
        Assert.True(ready.All(r => r), "not every replica became ready:\n" + string.Join("\n---\n", _replicas.Select(r => r.Output)));
        await WaitForAsync(() => _discord.Shards.Shards.All(s => s.ReadyCount >= 1), TimeSpan.FromSeconds(30), "every shard connected");
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        _replicas.Clear();
        await DisposeIfStartedAsync(_discord);
        await DisposeIfStartedAsync(_connector);
        await DisposeIfStartedAsync(_tokens);
        await DisposeIfStartedAsync(_openId);
        await DisposeIfStartedAsync(_redis);
        _signer.Dispose();
        _folder.Dispose();
    }

    [RedisFact]
    public async Task Three_replicas_behave_as_one_bot()
    {
        try
        {
            await Each_shard_identified_once_and_identifies_were_spaced();
            await Every_gateway_message_is_answered_once_even_when_delivered_twice();
            await Every_interaction_is_answered_once_whichever_replicas_it_reaches();
            await Every_Teams_activity_is_answered_once_whichever_replicas_it_reaches();
            await A_follow_up_on_another_replica_continues_the_conversation();
            await A_persons_limit_holds_across_replicas();
            await A_killed_gateway_pod_is_replaced_by_one_that_resumes_and_answers_what_was_missed();
            await Answers_continue_while_Redis_is_down_and_shared_state_returns_with_it();
        }
        catch
        {
            output.WriteLine(string.Join('\n', _transcript));
            foreach (var replica in _replicas)
            {
                output.WriteLine($"--- replica {replica.Ordinal} output ---\n{replica.Output}");
            }

            throw;
        }
    }

    private Task Each_shard_identified_once_and_identifies_were_spaced()
    {
        var identifies = _discord.Shards.Connections.Where(c => c.IdentifiedAt is not null).Select(c => c.IdentifiedAt!.Value).Order().ToList();
        Note($"identifies at {string.Join(", ", identifies.Select(t => t.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
        Assert.Equal(Shards, identifies.Count);
        // max_concurrency is 1, so the three pods share one bucket: one IDENTIFY per interval between them. The fake
        // stamps an IDENTIFY when it reads it, and on a loaded machine (the whole suite runs at once, three replicas
        // start at the same moment) it reads some late, which shortens the next gap by as much: half a second was
        // seen with a 1 s interval. Uncoordinated pods identify within milliseconds of each other, so half of a 2 s
        // interval still tells the shared gate from none.
        Assert.All(identifies.Zip(identifies.Skip(1)), pair => Assert.True(pair.Second - pair.First >= IdentifyInterval / 2, $"identifies {pair.Second - pair.First} apart"));
        return Task.CompletedTask;
    }

    private async Task Every_gateway_message_is_answered_once_even_when_delivered_twice()
    {
        var sent = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var id = SendMention(GuildOnShard(i % Shards), "what are boxcar scars?");
            sent.Add(id);
            if (i % 5 == 0)
            {
                // Delivered again (a replayed event): the shared ledger must stop the second answer.
                _discord.Shards.Dispatch(GuildOnShard(i % Shards), "MESSAGE_CREATE", MessagePayload(id, GuildOnShard(i % Shards), "what are boxcar scars?"));
            }
        }

        await AssertAnsweredOnceAsync(sent, "gateway messages");
    }

    private async Task Every_interaction_is_answered_once_whichever_replicas_it_reaches()
    {
        var statuses = new ConcurrentBag<(string Id, HttpStatusCode Status)>();
        var sends = new List<Task>();
        for (var i = 0; i < 60; i++)
        {
            var interaction = Payloads.Command("scar", [Payloads.Option("type", "boxcar")], token: "fleet-token-" + i);
            interaction["member"] = new { user = new { id = UniqueUser(), username = "ana" }, roles = Array.Empty<string>() };
            var id = (string)interaction["id"]!;
            var copies = i % 4 == 0 ? 2 : 1;
            for (var copy = 0; copy < copies; copy++)
            {
                var replica = _replicas[(i + copy) % _replicas.Count];
                sends.Add(Task.Run(async () =>
                {
                    using var response = await SignedInteractions.PostAsync(replica.Client, _signer, interaction);
                    statuses.Add((id, response.StatusCode));
                }));
            }
        }

        await Task.WhenAll(sends);
        var byId = statuses.GroupBy(s => s.Id).ToList();
        Note($"interactions: {byId.Count} ids, {statuses.Count} posts, {statuses.Count(s => s.Status == HttpStatusCode.OK)} answered, {statuses.Count(s => s.Status == HttpStatusCode.Unauthorized)} refused as replays");
        Assert.Equal(60, byId.Count);
        Assert.All(byId, g => Assert.Equal(1, g.Count(s => s.Status == HttpStatusCode.OK)));
        Assert.All(byId, g => Assert.All(g.Where(s => s.Status != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Unauthorized, s.Status)));
    }

    private async Task Every_Teams_activity_is_answered_once_whichever_replicas_it_reaches()
    {
        var activities = new List<string>();
        var posts = new List<Task<HttpStatusCode>>();
        for (var i = 0; i < 45; i++)
        {
            var id = "1700000" + i.ToString("D6", CultureInfo.InvariantCulture);
            var activity = TeamsPayloads.Personal(_connector.ServiceUrl, "what are boxcar scars?", id);
            // A person of its own per activity (Teams names people by their Entra object id), so the per-person limit,
            // checked separately, never refuses one.
            activity["from"]!["id"] = "29:fleet-user-" + i.ToString(CultureInfo.InvariantCulture);
            activity["from"]!["aadObjectId"] = Guid.NewGuid().ToString();
            activity["conversation"]!["id"] = "a:fleet-conversation-" + i.ToString(CultureInfo.InvariantCulture);
            activities.Add(id);
            var copies = i % 3 == 0 ? 2 : 1;
            for (var copy = 0; copy < copies; copy++)
            {
                // Bot Framework redelivers an activity it got no answer for; the copy may reach another replica.
                posts.Add(PostActivityAsync(_replicas[(i + copy) % _replicas.Count], activity));
            }
        }

        var statuses = await Task.WhenAll(posts);
        Note($"teams: {activities.Count} activities, {statuses.Length} posts, statuses {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"POST /api/messages answered {status}"));

        Dictionary<string, int> replies = [];
        try
        {
            await WaitForAsync(
                () =>
                {
                    replies = TeamsRepliesByActivity();
                    return activities.All(replies.ContainsKey);
                },
                TimeSpan.FromSeconds(60),
                "every Teams activity answered");
        }
        finally
        {
            Note($"teams: the connector received {_connector.Requests.Count} requests; {_tokens.Requests.Count} tokens were fetched");
        }

        await Task.Delay(500);
        replies = TeamsRepliesByActivity();
        Note($"teams: {replies.Values.Sum()} replies to {activities.Count} activities");
        Assert.All(activities, id => Assert.Equal(1, replies.GetValueOrDefault(id)));
    }

    private Dictionary<string, int> TeamsRepliesByActivity() => _connector.DeliveredMessages
        .Where(r => r.Body["replyToId"] is not null)
        .GroupBy(r => r.Body["replyToId"]!.GetValue<string>())
        .ToDictionary(g => g.Key, g => g.Count());

    private static async Task<HttpStatusCode> PostActivityAsync(ReplicaProcess replica, JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TokenMinter.Mint(TeamsTestApp.AppId, activity["serviceUrl"]!.GetValue<string>()));
        using var response = await replica.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task A_follow_up_on_another_replica_continues_the_conversation()
    {
        var visitor = "198.51.100.10";
        var first = await AskAsync(_replicas[0], visitor, "what are ice pick scars?", conversationId: null);
        var topic = first.GetProperty("topic").GetString();
        Assert.False(string.IsNullOrEmpty(topic));

        var followUp = await AskAsync(_replicas[1], visitor, "how are they treated?", first.GetProperty("conversationId").GetString());
        var control = await AskAsync(_replicas[2], "198.51.100.11", "how are they treated?", conversationId: null);
        Note($"follow-up: first topic {topic}; on another replica {Topic(followUp)}; a stranger asking the same gets {Topic(control)}");

        Assert.Equal(topic, Topic(followUp));
        Assert.NotEqual(topic, Topic(control));
    }

    private async Task A_persons_limit_holds_across_replicas()
    {
        var visitor = "203.0.113.7";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3 * PerUserPermitsPerMinute; i++)
        {
            using var response = await PostChatAsync(_replicas[i % _replicas.Count], visitor, "what is microneedling?", null);
            statuses.Add(response.StatusCode);
        }

        Note($"one person, {statuses.Count} messages over 3 replicas: {statuses.Count(s => s == HttpStatusCode.OK)} answered, {statuses.Count(s => s == HttpStatusCode.TooManyRequests)} limited");
        Assert.Equal(PerUserPermitsPerMinute, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2 * PerUserPermitsPerMinute, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private async Task A_killed_gateway_pod_is_replaced_by_one_that_resumes_and_answers_what_was_missed()
    {
        var pod = _replicas[1];
        var shard = _discord.Shards.Shards[1];
        var before = SendMention(GuildOnShard(1), "what are rolling scars?");
        await AssertAnsweredOnceAsync([before], "before the kill");
        // The pod saves the session every SessionSaveInterval; wait for the save itself, since on a busy machine a fixed
        // pause ended before the first one and the replacement had nothing to resume.
        using (var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration))
        {
            var key = new RedisKey($"{new SkinBot.Redis.RedisOptions().KeyPrefix}gateway:session:1");
            await WaitForAsync(() => redis.GetDatabase().KeyExistsAsync(key), TimeSpan.FromSeconds(30), "pod 1 saved shard 1's session");
        }

        await pod.KillAsync();
        var connectionsBefore = shard.Connections.Count;
        var missed = Enumerable.Range(0, 5).Select(_ => SendMention(GuildOnShard(1), "can scars be removed with lasers?")).ToList();
        Note($"pod 1 killed; {missed.Count} messages sent to its shard while no pod runs it");

        pod.Restart();
        await WaitForAsync(() => shard.Connections.Count > connectionsBefore && shard.Connections.Last().Ready, TimeSpan.FromSeconds(45), "the replacement connected shard 1");
        var taken = shard.Connections.Last();
        Note($"replacement connected shard 1 with {(taken.Resume is not null ? "RESUME" : "IDENTIFY")}");
        Assert.NotNull(taken.Resume);
        Assert.Null(taken.Identify);
        await AssertAnsweredOnceAsync([before, .. missed], "messages sent while pod 1 was dead");
        Assert.True(await pod.ReadyAsync(), "the replacement never became ready");
    }

    private async Task Answers_continue_while_Redis_is_down_and_shared_state_returns_with_it()
    {
        await _redis.StopAsync();
        Note("redis stopped");
        await WaitForAsync(async () => (await Task.WhenAll(_replicas.Select(r => r.ReadinessAsync()))).All(s => s == HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(30), "every replica reports not-ready");

        var duringOutage = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            duringOutage.Add(SendMention(GuildOnShard(i % Shards), "what are boxcar scars?"));
        }

        await AssertAnsweredOnceAsync(duringOutage, "gateway messages while Redis is down");
        using (var web = await PostChatAsync(_replicas[2], "192.0.2.50", "what are boxcar scars?", null))
        {
            Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        }

        await _redis.StartAgainAsync();
        Note("redis started again");
        await WaitForAsync(async () => (await Task.WhenAll(_replicas.Select(r => r.ReadinessAsync()))).All(s => s == HttpStatusCode.OK), TimeSpan.FromSeconds(45), "every replica ready again");

        // Shared again: one interaction sent to two replicas is answered once.
        var interaction = Payloads.Command("scar", [Payloads.Option("type", "boxcar")], token: "after-outage");
        interaction["member"] = new { user = new { id = UniqueUser(), username = "ana" }, roles = Array.Empty<string>() };
        using var first = await SignedInteractions.PostAsync(_replicas[0].Client, _signer, interaction);
        using var second = await SignedInteractions.PostAsync(_replicas[1].Client, _signer, interaction);
        Note($"after recovery, one interaction on two replicas: {first.StatusCode}, {second.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
    }

    private static async Task DisposeIfStartedAsync(IAsyncDisposable? started)
    {
        if (started is not null)
        {
            await started.DisposeAsync();
        }
    }

    private string SendMention(string guildId, string question)
    {
        var id = Payloads.NewId();
        _discord.Shards.Dispatch(guildId, "MESSAGE_CREATE", MessagePayload(id, guildId, question));
        return id;
    }

    private object MessagePayload(string id, string guildId, string question) => Payloads.Message(
        id, $"<@{FakeGateway.BotUserId}> {question}", ChannelIn(guildId), guildId, UserFor(id), false, [FakeGateway.BotUserId], null, null, null);

    private async Task AssertAnsweredOnceAsync(IReadOnlyCollection<string> messageIds, string what)
    {
        Dictionary<string, int> replies = [];
        await WaitForAsync(
            () =>
            {
                replies = RepliesByMessage();
                return messageIds.All(replies.ContainsKey);
            },
            TimeSpan.FromSeconds(60),
            $"{what}: every message answered");
        // Late duplicates would arrive within moments of the first answer.
        await Task.Delay(500);
        replies = RepliesByMessage();
        Note($"{what}: {messageIds.Count} messages, {messageIds.Sum(id => replies.GetValueOrDefault(id))} replies");
        Assert.All(messageIds, id => Assert.Equal(1, replies.GetValueOrDefault(id)));
    }

    private Dictionary<string, int> RepliesByMessage() => _discord.Rest.Snapshot
        .Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Status is >= 200 and < 300
                    && c.Body is { } body && body.TryGetProperty("message_reference", out _))
        .GroupBy(c => c.Body!.Value.GetProperty("message_reference").GetProperty("message_id").GetString()!)
        .ToDictionary(g => g.Key, g => g.Count());

    private static async Task<JsonElement> AskAsync(ReplicaProcess replica, string visitor, string text, string? conversationId)
    {
        using var response = await PostChatAsync(replica, visitor, text, conversationId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostChatAsync(ReplicaProcess replica, string visitor, string text, string? conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = JsonContent.Create(new { text, conversationId }) };
        // The replicas trust 127.0.0.1 as their proxy, so each visitor is told apart by the address it forwards.
        request.Headers.Add("X-Forwarded-For", visitor);
        return await replica.Client.SendAsync(request);
    }

    private static string? Topic(JsonElement answer) => answer.TryGetProperty("topic", out var topic) ? topic.GetString() : null;

    /// <summary>A guild id Discord routes to <paramref name="shard"/>: <c>(guild_id &gt;&gt; 22) % shards</c>.</summary>
    private static string GuildOnShard(int shard) => ((((ulong)(Shards * 1000) + (ulong)shard) << 22) | 1).ToString(CultureInfo.InvariantCulture);

    private static string ChannelIn(string guildId) => (ulong.Parse(guildId, CultureInfo.InvariantCulture) + 7).ToString(CultureInfo.InvariantCulture);

    /// <summary>Every message from a person of its own, so the per-person limit (checked separately) never refuses one.</summary>
    private static string UserFor(string messageId) => (ulong.Parse(messageId, CultureInfo.InvariantCulture) - 500_000_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    private static string UniqueUser() => UserFor(Payloads.NewId());

    private void Note(string line)
    {
        _transcript.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        output.WriteLine(line);
    }

    private static Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what) => WaitForAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }
}

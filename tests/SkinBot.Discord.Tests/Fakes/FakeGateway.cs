using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// The WebSocket half of the fake Discord: HELLO, IDENTIFY → READY, RESUME → replay + RESUMED, heartbeats and
/// ACKs, and scripted faults (drop, RECONNECT, INVALID_SESSION, close codes, withheld ACKs). Dispatches wait in
/// an outbox and go to whichever connection is current; each session logs what it sent, so a RESUME replays
/// everything after the client's sequence, as Discord does.
/// </summary>
internal sealed class FakeGateway
{
    public const string BotUserId = "900000000000000001";
    public const string ApplicationId = "111111111111111111";

    private readonly Channel<GatewayAction> _outbox = Channel.CreateUnbounded<GatewayAction>();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeSession> _sessions = [];
    private readonly List<(string EventName, JsonNode? Data)> _carryOver = [];
    private FakeConnection? _current;
    private FakeSession? _currentSession;
    private int _sessionCounter;

    public int HeartbeatIntervalMs { get; set; } = 30_000;

    /// <summary>When true, heartbeats get no op 11 (a zombie connection, seen from the client).</summary>
    public bool WithholdAcks { get; set; }

    /// <summary>Resend this many already-delivered events on RESUME, to prove the client answers each message once.</summary>
    public int ReplayOverlap { get; set; }

    public Func<string>? BaseUrl { get; set; }

    public ConcurrentQueue<ConnectionRecord> Connections { get; } = new();

    public int ReadyCount => Connections.Count(c => c.Ready);

    public void Dispatch(string eventName, object data) => _outbox.Writer.TryWrite(new GatewayAction(ActionKind.Dispatch, eventName, JsonSerializer.SerializeToNode(data)));

    public void Drop() => _outbox.Writer.TryWrite(new GatewayAction(ActionKind.Drop));

    public void SendReconnect() => _outbox.Writer.TryWrite(new GatewayAction(ActionKind.Reconnect));

    public void SendInvalidSession(bool resumable) => _outbox.Writer.TryWrite(new GatewayAction(ActionKind.InvalidSession, Resumable: resumable));

    public void CloseWith(int code) => _outbox.Writer.TryWrite(new GatewayAction(ActionKind.Close, Code: code));

    public void RequestHeartbeat() => _outbox.Writer.TryWrite(new GatewayAction(ActionKind.RequestHeartbeat));

    public async Task WaitForReadyAsync(int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (ReadyCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gateway ready {ReadyCount} times, expected {count}.");
            }

            await Task.Delay(10);
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var record = new ConnectionRecord(context.Request.Path.Value!, context.Request.QueryString.Value ?? string.Empty);
        Connections.Enqueue(record);
        var connection = new FakeConnection(socket, record);
        try
        {
            await RunAsync(connection);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; the next connection carries on.
        }
        finally
        {
            await connection.Stop.CancelAsync();
        }
    }

    /// <summary>Prefixes this gateway's session ids, so the shards of a <see cref="FakeShardedGateway"/> never share one.</summary>
    public string SessionPrefix { get; init; } = "session-";

    /// <summary>Whether RESUME with this session id belongs here (a sharded gateway routes by it).</summary>
    public bool HasSession(string sessionId)
    {
        lock (_gate)
        {
            return _sessions.ContainsKey(sessionId);
        }
    }

    /// <summary>HELLO, then the client's first payload other than a heartbeat (IDENTIFY or RESUME), or null when it left.</summary>
    internal async Task<JsonNode?> GreetAsync(FakeConnection connection)
    {
        await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        var first = await connection.ReceiveAsync();
        while (first?["op"]?.GetValue<int>() == 1)
        {
            OnHeartbeat(connection, first["d"]);
            if (!WithholdAcks)
            {
                await connection.SendAsync(new JsonObject { ["op"] = 11 });
            }

            first = await connection.ReceiveAsync();
        }

        return first;
    }

    private async Task RunAsync(FakeConnection connection)
    {
        if (await GreetAsync(connection) is { } first)
        {
            await ContinueAsync(connection, first);
        }
    }

    /// <summary>Answers IDENTIFY with READY or RESUME with the replay, then serves the session until the connection ends.</summary>
    internal async Task ContinueAsync(FakeConnection connection, JsonNode first)
    {
        var op = first["op"]!.GetValue<int>();
        FakeSession session;
        if (op == 2)
        {
            connection.Record.Identify = first["d"]!.ToJsonString();
            connection.Record.IdentifiedAt = DateTimeOffset.UtcNow;
            lock (_gate)
            {
                // A client that identifies while its session is still valid never got READY (the connection died
                // first), so it cannot resume: hand that session's events to the new one, as in the resume path.
                if (_currentSession is { Invalid: false } abandoned)
                {
                    abandoned.Invalid = true;
                    _carryOver.AddRange(abandoned.Undelivered(0));
                }

                session = new FakeSession(SessionPrefix + Interlocked.Increment(ref _sessionCounter));
                _sessions[session.Id] = session;
                _current = connection;
                _currentSession = session;
            }

            await SendDispatchAsync(connection, session, "READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "SkinBot", ["bot"] = true },
                ["guilds"] = new JsonArray(),
                ["session_id"] = session.Id,
                ["resume_gateway_url"] = BaseUrl!() + "/resume",
                ["application"] = new JsonObject { ["id"] = ApplicationId, ["flags"] = 0 },
            });

            List<(string EventName, JsonNode? Data)> carried;
            lock (_gate)
            {
                carried = [.. _carryOver];
                _carryOver.Clear();
            }

            foreach (var (eventName, data) in carried)
            {
                await SendDispatchAsync(connection, session, eventName, data!);
            }
        }
        else if (op == 6)
        {
            connection.Record.Resume = first["d"]!.ToJsonString();
            var sessionId = first["d"]!["session_id"]!.GetValue<string>();
            var seq = first["d"]!["seq"]?.GetValue<long>() ?? 0;
            List<(long Seq, string Json)> replay;
            lock (_gate)
            {
                if (!_sessions.TryGetValue(sessionId, out session!) || session.Invalid)
                {
                    // The client never saw these (its op 9 got lost with a dropped connection). Real Discord would
                    // lose them; the fake hands them to the next session so tests can count every reply.
                    if (session is not null)
                    {
                        _carryOver.AddRange(session.Undelivered(seq));
                    }

                    session = null!;
                    replay = [];
                }
                else
                {
                    _current = connection;
                    _currentSession = session;
                    replay = [.. session.Log.Where(e => e.Seq > seq - ReplayOverlap)];
                }
            }

            if (session is null)
            {
                await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
                await connection.DrainUntilClosedAsync(this);
                return;
            }

            foreach (var (_, json) in replay)
            {
                await connection.SendRawAsync(json);
            }

            await SendDispatchAsync(connection, session, "RESUMED", new JsonObject());
        }
        else
        {
            await connection.Socket.CloseAsync((WebSocketCloseStatus)4003, "not authenticated", CancellationToken.None);
            return;
        }

        connection.Record.Ready = true;
        var receiving = connection.ReceiveLoopAsync(this);
        await SendLoopAsync(connection, session);
        await receiving;
    }

    private async Task SendLoopAsync(FakeConnection connection, FakeSession session)
    {
        while (!connection.Stop.IsCancellationRequested)
        {
            if (!await _outbox.Reader.WaitToReadAsync(connection.Stop.Token))
            {
                return;
            }

            GatewayAction? action;
            string? json = null;
            lock (_gate)
            {
                if (_current != connection || !_outbox.Reader.TryRead(out action))
                {
                    if (_current != connection)
                    {
                        return;
                    }

                    continue;
                }

                if (action.Kind == ActionKind.Dispatch)
                {
                    json = session.Append(action.EventName!, action.Data);
                }
            }

            switch (action.Kind)
            {
                case ActionKind.Dispatch:
                    await connection.SendRawAsync(json!);
                    break;
                case ActionKind.Drop:
                    connection.Record.Dropped = true;
                    connection.Socket.Abort();
                    return;
                case ActionKind.Reconnect:
                    await connection.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });
                    return;
                case ActionKind.InvalidSession:
                    lock (_gate)
                    {
                        session.Invalid = !action.Resumable;
                    }

                    await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = action.Resumable });
                    return;
                case ActionKind.Close:
                    await connection.CloseOutputAsync(action.Code);
                    return;
                case ActionKind.RequestHeartbeat:
                    await connection.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });
                    break;
            }
        }
    }

    private Task SendDispatchAsync(FakeConnection connection, FakeSession session, string eventName, JsonNode data)
    {
        string json;
        lock (_gate)
        {
            json = session.Append(eventName, data);
        }

        return connection.SendRawAsync(json);
    }

    internal void OnHeartbeat(FakeConnection connection, JsonNode? sequence)
    {
        connection.Record.Heartbeats.Enqueue(sequence?.ToJsonString() ?? "null");
    }

    private enum ActionKind
    {
        Dispatch,
        Drop,
        Reconnect,
        InvalidSession,
        Close,
        RequestHeartbeat,
    }

    private sealed record GatewayAction(ActionKind Kind, string? EventName = null, JsonNode? Data = null, bool Resumable = false, int Code = 0);

    private sealed class FakeSession(string id)
    {
        private long _sequence;

        public string Id { get; } = id;

        public bool Invalid { get; set; }

        public List<(long Seq, string Json)> Log { get; } = [];

        private readonly List<(long Seq, string EventName, JsonNode? Data)> _events = [];

        public IEnumerable<(string EventName, JsonNode? Data)> Undelivered(long clientSequence) =>
            _events.Where(e => e.Seq > clientSequence && e.EventName is not ("READY" or "RESUMED")).Select(e => (e.EventName, e.Data));

        public string Append(string eventName, JsonNode? data)
        {
            var seq = ++_sequence;
            var json = new JsonObject { ["op"] = 0, ["s"] = seq, ["t"] = eventName, ["d"] = data?.DeepClone() }.ToJsonString();
            Log.Add((seq, json));
            _events.Add((seq, eventName, data?.DeepClone()));
            return json;
        }
    }

    internal sealed class FakeConnection(WebSocket socket, ConnectionRecord record)
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public WebSocket Socket { get; } = socket;

        public ConnectionRecord Record { get; } = record;

        public CancellationTokenSource Stop { get; } = new();

        public Task SendAsync(JsonNode payload) => SendRawAsync(payload.ToJsonString());

        public async Task SendRawAsync(string json)
        {
            await _sendLock.WaitAsync();
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public async Task CloseOutputAsync(int code)
        {
            await _sendLock.WaitAsync();
            try
            {
                await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by fake", CancellationToken.None);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public async Task<JsonNode?> ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (true)
            {
                var result = await Socket.ReceiveAsync(buffer, Stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Record.ClientCloseCode = (int?)result.CloseStatus;
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return JsonNode.Parse(message.ToArray());
                }
            }
        }

        public async Task ReceiveLoopAsync(FakeGateway gateway)
        {
            try
            {
                while (await ReceiveAsync() is { } payload)
                {
                    if (payload["op"]?.GetValue<int>() == 1)
                    {
                        gateway.OnHeartbeat(this, payload["d"]);
                        if (!gateway.WithholdAcks)
                        {
                            await SendAsync(new JsonObject { ["op"] = 11 });
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Dropped.
            }
            finally
            {
                await Stop.CancelAsync();
            }
        }

        public async Task DrainUntilClosedAsync(FakeGateway gateway)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var registration = timeout.Token.Register(Stop.Cancel);
            await ReceiveLoopAsync(gateway);
        }
    }
}

/// <summary>What happened on one gateway connection.</summary>
internal sealed class ConnectionRecord(string path, string query)
{
    public string Path { get; } = path;

    public string Query { get; } = query;

    public string? Identify { get; set; }

    /// <summary>When the IDENTIFY arrived, to check the spacing between identifies.</summary>
    public DateTimeOffset? IdentifiedAt { get; set; }

    public string? Resume { get; set; }

    public volatile bool Ready;

    public bool Dropped { get; set; }

    public int? ClientCloseCode { get; set; }

    public ConcurrentQueue<string> Heartbeats { get; } = new();
}

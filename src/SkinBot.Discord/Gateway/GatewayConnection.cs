using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection to the gateway, from HELLO to close: heartbeats (first one after interval × jitter),
/// zombie detection, IDENTIFY or RESUME, and the receive loop. Returns what the session should do next.
/// </summary>
internal sealed partial class GatewayConnection(
    IOptions<DiscordOptions> options,
    IGatewayDispatchSink sink,
    GatewayStatus status,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<GatewayConnection> logger)
{
    private const int MaxMessageBytes = 64 << 20;
    private const int ReconnectCloseCode = 4000;
    private const int EndSessionCloseCode = 1000;

    /// <summary>How long a shutting-down connection waits for the gateway to answer its close frame.</summary>
    private static readonly TimeSpan ShutdownCloseGrace = TimeSpan.FromSeconds(2);

    private readonly DiscordOptions _settings = options.Value;

    /// <param name="identifyGate">
    /// Taken right before IDENTIFY is sent and held from when it went out, so that connection latency cannot bring two
    /// identifies of one bucket closer together than the spacing.
    /// </param>
    public async Task<GatewayOutcome> RunAsync(
        GatewayShard shard, Uri gatewayUrl, GatewaySessionState state, bool resume, IIdentifyGate identifyGate, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(_settings.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(WithQuery(gatewayUrl), connectTimeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(ex.GetType().Name, ex.Message);
            return new GatewayOutcome(GatewayNext.Resume, "connect failed", WasReady: false) { ConnectFailed = true };
        }

        var live = new LiveConnection(socket, state, shard);
        // Not linked to the stopping token: cancelling a receive aborts the socket, and shutdown must send a close frame first.
        using var connectionScope = new CancellationTokenSource();
        await using var onShutdown = cancellationToken.Register(() => _ = CloseForShutdownAsync(live, connectionScope));
        Task heartbeats = Task.CompletedTask;
        try
        {
            var hello = await ReceivePayloadAsync(socket, connectionScope.Token, TimeSpan.FromMilliseconds(Math.Max(_settings.ConnectTimeout.TotalMilliseconds, 1)))
                ;
            if (hello.Close is { } earlyClose)
            {
                return Closed(earlyClose, live);
            }

            using var helloDocument = hello.Document!;
            if (Op(helloDocument.RootElement) != GatewayOpcode.Hello
                || !helloDocument.RootElement.GetProperty("d").TryGetProperty("heartbeat_interval", out var intervalJson)
                || !intervalJson.TryGetDouble(out var intervalMs) || intervalMs <= 0)
            {
                LogProtocol("expected HELLO first");
                live.CloseCode = ReconnectCloseCode;
                return new GatewayOutcome(GatewayNext.Resume, "no HELLO", WasReady: false);
            }

            live.Acked = true;
            heartbeats = HeartbeatLoopAsync(live, TimeSpan.FromMilliseconds(intervalMs), connectionScope.Token);
            if (resume)
            {
                metrics.Resumes.Add(1);
                LogResuming(state.Sequence);
                await SendAsync(live, GatewayPayloads.Resume(Token, state.SessionId!, state.Sequence), connectionScope.Token);
            }
            else
            {
                await identifyGate.WaitAsync(connectionScope.Token);
                metrics.Identifies.Add(1);
                LogIdentifying(shard.Id, shard.Count);
                await SendAsync(live, GatewayPayloads.Identify(Token, shard.Id, shard.Count), connectionScope.Token);
                await identifyGate.SentAsync(connectionScope.Token);
            }

            while (true)
            {
                var received = await ReceivePayloadAsync(socket, connectionScope.Token, timeout: null);
                if (received.Close is { } close)
                {
                    return Closed(close, live);
                }

                using var document = received.Document!;
                if (Handle(document.RootElement, live) is { } outcome)
                {
                    return outcome;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && live.ShuttingDown)
        {
            return new GatewayOutcome(GatewayNext.Resume, "shutting down", live.Ready);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or InvalidDataException or KeyNotFoundException
                                   && !cancellationToken.IsCancellationRequested)
        {
            if (live.Zombie)
            {
                return new GatewayOutcome(GatewayNext.Resume, "no heartbeat ACK (zombie connection)", live.Ready);
            }

            LogDropped(ex.GetType().Name, ex.Message);
            live.CloseCode = ReconnectCloseCode;
            return new GatewayOutcome(GatewayNext.Resume, "connection dropped", live.Ready);
        }
        finally
        {
            status.SetConnected(shard, false);
            await connectionScope.CancelAsync();
            await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // A drop or a RECONNECT closes with a resumable code, never 1000/1001, so this process resumes; shutting down
            // has already closed (see CloseForShutdownAsync), which makes this a no-op.
            await CloseAsync(live, live.CloseCode);
        }
    }

    /// <summary>Handles one payload; returns an outcome when the connection must end.</summary>
    private GatewayOutcome? Handle(JsonElement payload, LiveConnection live)
    {
        switch (Op(payload))
        {
            case GatewayOpcode.Dispatch:
                var name = payload.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                var data = payload.TryGetProperty("d", out var d) ? d : default;
                if (name == "READY")
                {
                    // A READY without a usable session id leaves nothing to resume (the next connection identifies); it
                    // must not throw here, outside the per-event guard, or every resume would replay it and fail again.
                    live.State.SessionId = StringField(data, "session_id");
                    live.State.ResumeUrl = Uri.TryCreate(StringField(data, "resume_gateway_url"), UriKind.Absolute, out var url) ? url : null;
                    live.State.BotUserId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("user", out var user)
                        && ulong.TryParse(StringField(user, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var userId) ? userId : null;
                    MarkReady(live, "READY");
                }
                else if (name == "RESUMED")
                {
                    MarkReady(live, "RESUMED");
                }

                long? sequence = payload.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var value) ? value : null;
                try
                {
                    sink.Dispatch(name, data);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One bad event must not end the session: the resume would replay it, and fail again, forever.
                    LogUndecodable(ex, name, sequence);
                }
                finally
                {
                    if (sequence is { } seen)
                    {
                        live.State.Advance(seen);
                    }
                }

                return null;
            case GatewayOpcode.Heartbeat:
                _ = SendHeartbeatAsync(live);
                return null;
            case GatewayOpcode.HeartbeatAck:
                live.Acked = true;
                return null;
            case GatewayOpcode.Reconnect:
                LogReconnectRequested();
                live.CloseCode = ReconnectCloseCode;
                return new GatewayOutcome(GatewayNext.Resume, "RECONNECT requested", live.Ready);
            case GatewayOpcode.InvalidSession:
                var resumable = payload.TryGetProperty("d", out var flag) && flag.ValueKind == JsonValueKind.True;
                LogInvalidSession(resumable);
                live.CloseCode = ReconnectCloseCode;
                return new GatewayOutcome(resumable ? GatewayNext.Resume : GatewayNext.Identify, "INVALID_SESSION", live.Ready, InvalidSession: true);
            default:
                return null;
        }
    }

    private void MarkReady(LiveConnection live, string how)
    {
        live.Ready = true;
        status.SetConnected(live.Shard, true);
        LogReady(how, live.Shard.Id, live.Shard.Count);
    }

    private async Task HeartbeatLoopAsync(LiveConnection live, TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!live.Acked)
                {
                    // Heartbeats still "send" on a dead TCP link; only the missing ACK shows it.
                    LogZombie(interval.TotalMilliseconds);
                    live.Zombie = true;
                    live.CloseCode = ReconnectCloseCode;
                    await CloseAsync(live, ReconnectCloseCode);
                    return;
                }

                live.Acked = false;
                await SendAsync(live, GatewayPayloads.Heartbeat(live.State.Sequence), cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The receive loop notices the broken connection and decides what happens next.
        }
    }

    private async Task SendHeartbeatAsync(LiveConnection live)
    {
        try
        {
            await SendAsync(live, GatewayPayloads.Heartbeat(live.State.Sequence), CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            LogDropped(ex.GetType().Name, ex.Message);
        }
    }

    private static async Task SendAsync(LiveConnection live, object payload, CancellationToken cancellationToken)
    {
        var bytes = DiscordJson.Serialize(payload);
        await live.SendLock.WaitAsync(cancellationToken);
        try
        {
            await live.Socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            live.SendLock.Release();
        }
    }

    /// <summary>
    /// On shutdown: closes (resumable unless nobody will resume the session) and lets the receive loop read the gateway's answering close frame,
    /// or gives up waiting after <see cref="ShutdownCloseGrace"/>.
    /// </summary>
    private async Task CloseForShutdownAsync(LiveConnection live, CancellationTokenSource connectionScope)
    {
        live.ShuttingDown = true;
        LogClosingForShutdown(live.Shard.Id, live.Shard.Count);
        await CloseAsync(live, live.State.KeepResumableOnClose ? ReconnectCloseCode : EndSessionCloseCode, abort: false);
        try
        {
            connectionScope.CancelAfter(ShutdownCloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended on its own meanwhile.
        }
    }

    /// <summary>Closes with the given code (1000 ends the session; only shutdown without a successor uses it), then drops the socket unless told to wait for the answer.</summary>
    private async Task CloseAsync(LiveConnection live, int code, bool abort = true)
    {
        if (!live.TryBeginClose())
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            if (live.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await live.SendLock.WaitAsync(timeout.Token);
                try
                {
                    await live.Socket.CloseOutputAsync((WebSocketCloseStatus)code, null, timeout.Token);
                }
                finally
                {
                    live.SendLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            LogDebugClose(ex.GetType().Name);
        }
        finally
        {
            if (abort)
            {
                live.Socket.Abort();
            }
        }
    }

    private GatewayOutcome Closed(WebSocketCloseStatus? closeStatus, LiveConnection live)
    {
        var code = (int?)closeStatus ?? 1006;
        var next = GatewayCloseCodes.Classify(code);
        if (!live.ShuttingDown)
        {
            LogClosedByServer(code, GatewayCloseCodes.Describe(code));
        }

        live.CloseCode = ReconnectCloseCode;
        return new GatewayOutcome(next, GatewayCloseCodes.Describe(code), live.Ready, code);
    }

    private static async Task<ReceivedPayload> ReceivePayloadAsync(ClientWebSocket socket, CancellationToken cancellationToken, TimeSpan? timeout)
    {
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            scope.CancelAfter(limit);
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var result = await socket.ReceiveAsync(memory, scope.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new ReceivedPayload(null, socket.CloseStatus ?? (WebSocketCloseStatus)1005);
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException("Gateway message too large.");
            }

            if (result.EndOfMessage)
            {
                return new ReceivedPayload(JsonDocument.Parse(buffer.WrittenMemory), null);
            }
        }
    }

    private static int Op(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number && op.TryGetInt32(out var value) ? value : -1;

    private static string? StringField(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri WithQuery(Uri url) => new UriBuilder(url)
    {
        Path = string.IsNullOrEmpty(url.AbsolutePath) ? "/" : url.AbsolutePath,
        Query = "v=10&encoding=json",
    }.Uri;

    private string Token => _settings.BotToken!.Trim();

    private sealed record ReceivedPayload(JsonDocument? Document, WebSocketCloseStatus? Close);

    /// <summary>State shared by the receive loop and the heartbeat loop of one connection.</summary>
    private sealed class LiveConnection(ClientWebSocket socket, GatewaySessionState state, GatewayShard shard)
    {
        private int _closing;
        private volatile bool _acked;
        private volatile bool _zombie;
        private volatile bool _ready;
        private volatile bool _shuttingDown;

        public ClientWebSocket Socket { get; } = socket;

        public GatewaySessionState State { get; } = state;

        public GatewayShard Shard { get; } = shard;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public bool Acked { get => _acked; set => _acked = value; }

        public bool Zombie { get => _zombie; set => _zombie = value; }

        public bool Ready { get => _ready; set => _ready = value; }

        public bool ShuttingDown { get => _shuttingDown; set => _shuttingDown = value; }

        public int CloseCode { get; set; } = ReconnectCloseCode;

        /// <summary>True for the first caller only: the heartbeat loop and the receive loop may both try to close.</summary>
        public bool TryBeginClose() => Interlocked.Exchange(ref _closing, 1) == 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connect failed ({Error}: {Detail})")]
    private partial void LogConnectFailed(string error, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway protocol error: {Detail}; reconnecting")]
    private partial void LogProtocol(string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway resuming from sequence {Sequence}")]
    private partial void LogResuming(long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway identifying as shard {ShardId}/{ShardCount}")]
    private partial void LogIdentifying(int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway {How}: connected as shard {ShardId}/{ShardCount}")]
    private partial void LogReady(string how, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection dropped ({Error}: {Detail}); resuming")]
    private partial void LogDropped(string error, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK within {IntervalMs} ms: zombie connection; reconnecting")]
    private partial void LogZombie(double intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gateway asked us to reconnect (op 7)")]
    private partial void LogReconnectRequested();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway invalidated the session (resumable: {Resumable})")]
    private partial void LogInvalidSession(bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway closed the connection with {CloseCode} ({Meaning})")]
    private partial void LogClosedByServer(int closeCode, string meaning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not handle gateway event {EventName} (sequence {Sequence}); skipped")]
    private partial void LogUndecodable(Exception exception, string eventName, long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: closing shard {ShardId}/{ShardCount} with a resumable code, the session kept for the next process")]
    private partial void LogClosingForShutdown(int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gateway close handshake skipped ({Error})")]
    private partial void LogDebugClose(string error);
}

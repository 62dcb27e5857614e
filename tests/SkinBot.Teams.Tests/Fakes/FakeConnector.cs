using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>One request the connector service received, exactly as it arrived.</summary>
internal sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, JsonObject Body, DateTimeOffset At, int StatusReturned)
{
    public string? Type => Body["type"]?.GetValue<string>();
}

/// <summary>
/// The Bot Framework connector service (serviceUrl): records every activity posted to it, at any path so a reply
/// that strays from /v3/conversations/... is seen, and answers with scripted statuses (429 with Retry-After, 5xx...)
/// before falling back to 200 {"id"}.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentQueue<Scripted> _script = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private LoopbackServer? _server;
    private int _ids;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The serviceUrl to put in activities (with a trailing slash, as Teams sends it).</summary>
    public string ServiceUrl => _server!.BaseUrl + "/";

    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    /// <summary>
    /// While set and not complete, every request is received in full and then held unanswered: a slow connector.
    /// Completing it lets the held requests (and later ones) answer normally.
    /// </summary>
    public Task? Gate { get; set; }

    /// <summary>Most requests this connector was answering at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Requests that were accepted (2xx) and are messages, i.e. what a person would see.</summary>
    public IReadOnlyList<ConnectorRequest> DeliveredMessages =>
        [.. _requests.Where(r => r.StatusReturned < 300 && r.Type == "message")];

    public static async Task<FakeConnector> StartAsync()
    {
        var fake = new FakeConnector();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var scripted = fake._script.TryDequeue(out var next) ? next : new Scripted(HttpStatusCode.OK, null, Fault.None);
            var (status, retryAfter, fault) = scripted;

            var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            fake._requests.Enqueue(new ConnectorRequest("POST", rawTarget, context.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow, (int)status));
            var inFlight = Interlocked.Increment(ref fake._inFlight);
            InterlockedMax(ref fake._maxInFlight, inFlight);
            fake._arrivals.Release();
            try
            {
                return await fake.AnswerAsync(context, status, retryAfter, fault);
            }
            finally
            {
                Interlocked.Decrement(ref fake._inFlight);
            }
        }));
        return fake;
    }

    private async Task<IResult> AnswerAsync(HttpContext context, HttpStatusCode status, string? retryAfter, Fault fault)
    {
        if (Gate is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return Results.Empty;
            }
        }

        if (fault == Fault.NoAnswer)
        {
            // Got the activity and never answers: the client's timeout fires after it was sent.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        if (fault == Fault.DropConnection)
        {
            context.Abort();
            return Results.Empty;
        }

        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return (int)status < 300
            ? Results.Json(new { id = "reply-" + Interlocked.Increment(ref _ids) }, statusCode: (int)status)
            : Results.Json(new { error = new { code = status.ToString(), message = "scripted failure" } }, statusCode: (int)status);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    /// <summary>The next requests get these statuses, in order; then 200 again.</summary>
    public void Script(HttpStatusCode status, string? retryAfter = null) => _script.Enqueue(new Scripted(status, retryAfter, Fault.None));

    /// <summary>The next request is received in full and then never answered.</summary>
    public void ScriptNoAnswer() => _script.Enqueue(new Scripted(HttpStatusCode.OK, null, Fault.NoAnswer));

    /// <summary>The next request is received in full and then the connection is dropped without a response.</summary>
    public void ScriptDroppedConnection() => _script.Enqueue(new Scripted(HttpStatusCode.OK, null, Fault.DropConnection));

    /// <summary>Waits until at least <paramref name="count"/> requests arrived in total.</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (_requests.Count < count)
        {
            await _arrivals.WaitAsync(cancellation.Token);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _arrivals.Dispose();
    }


    private enum Fault
    {
        None,
        NoAnswer,
        DropConnection,
    }

    private sealed record Scripted(HttpStatusCode Status, string? RetryAfter, Fault Fault);
}

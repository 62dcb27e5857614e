using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>One request the bot made to the fake REST API.</summary>
internal sealed record RecordedCall(string Method, string Path, string? Authorization, string? ContentType, JsonElement? Body, DateTimeOffset At, int Status)
{
    public bool Is(string method, string pathPrefix) =>
        Method == method && Path.StartsWith(pathPrefix, StringComparison.Ordinal);
}

/// <summary>A scripted answer: a status with body and headers, or an aborted connection.</summary>
internal sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Abort = false)
{
    /// <summary>How long the fake sits on the request (already recorded) before answering.</summary>
    public TimeSpan Delay { get; init; }

    public static FakeResponse RateLimited(double retryAfterSeconds, bool global = false) => new(
        429,
        JsonSerializer.Serialize(new { message = "You are being rate limited.", retry_after = retryAfterSeconds, global }),
        new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Global"] = global ? "true" : "false",
            ["X-RateLimit-Scope"] = global ? "global" : "user",
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = "fakebucket",
        });

    public static FakeResponse ServerError(int status = 502) => new(status, "<html>bad gateway</html>");
}

/// <summary>
/// The REST half of the fake Discord, under /api/v10: records every call and answers like Discord (ids, 204s,
/// rate-limit headers). Tests script faults with <see cref="Script"/> or <see cref="Intercept"/>.
/// </summary>
internal sealed class FakeRestApi
{
    private readonly ConcurrentQueue<(Func<HttpRequest, bool> Match, FakeResponse Response)> _scripted = new();
    private long _nextId = 1_300_000_000_000_000_000;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>Consulted before the script; return null to answer normally.</summary>
    public Func<HttpRequest, FakeResponse?>? Intercept { get; set; }

    public Func<string>? GatewayUrl { get; set; }

    /// <summary>Raised for every call as it is recorded (a load generator learns of replies without polling).</summary>
    public event Action<RecordedCall>? Recorded;

    public int IdentifiesRemaining { get; set; } = 1000;

    public IReadOnlyList<RecordedCall> Snapshot => [.. Calls];

    /// <summary>The next request matching <paramref name="pathContains"/> gets this response (one use each, in order).</summary>
    public void Script(string method, string pathContains, params FakeResponse[] responses)
    {
        foreach (var response in responses)
        {
            _scripted.Enqueue((r => r.Method == method && r.Path.Value!.Contains(pathContains, StringComparison.Ordinal), response));
        }
    }

    public IReadOnlyList<RecordedCall> Where(string method, string pathPrefix) => [.. Calls.Where(c => c.Is(method, pathPrefix))];

    public async Task<IReadOnlyList<RecordedCall>> WaitForAsync(Func<RecordedCall, bool> predicate, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var matches = Calls.Where(c => c.Status is >= 200 and < 300 && predicate(c)).ToList();
            if (matches.Count >= count)
            {
                return matches;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} successful matching REST calls, saw {matches.Count}. Calls: "
                    + string.Join(", ", Calls.Select(c => $"{c.Method} {c.Path} {c.Status}")));
            }

            await Task.Delay(20);
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        JsonElement? body = string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
        var path = request.Path.Value!["/api/v10".Length..];

        var response = Intercept?.Invoke(request) ?? NextScripted(request) ?? Default(request.Method, path, body);
        var recorded = new RecordedCall(request.Method, path, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            request.ContentType, body, DateTimeOffset.UtcNow, response.Abort ? 0 : response.Status);
        Calls.Enqueue(recorded);
        Recorded?.Invoke(recorded);
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (response.Abort)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? DefaultHeaders(path))
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private FakeResponse? NextScripted(HttpRequest request)
    {
        lock (_scripted)
        {
            if (_scripted.TryPeek(out var head) && head.Match(request))
            {
                _scripted.TryDequeue(out _);
                return head.Response;
            }
        }

        return null;
    }

    private FakeResponse Default(string method, string path, JsonElement? body)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        return (method, path) switch
        {
            ("GET", "/gateway/bot") => new(200, JsonSerializer.Serialize(new
            {
                url = GatewayUrl?.Invoke(),
                shards = 1,
                session_start_limit = new { total = 1000, remaining = IdentifiesRemaining, reset_after = 50, max_concurrency = 1 },
            })),
            ("POST", _) when path.EndsWith("/typing", StringComparison.Ordinal) => new(204),
            ("POST", _) when path.EndsWith("/callback", StringComparison.Ordinal) => new(204),
            ("DELETE", _) => new(204),
            ("PUT", _) when path.EndsWith("/commands", StringComparison.Ordinal) => new(200, body?.GetRawText() ?? "[]"),
            _ => new(200, JsonSerializer.Serialize(new { id, content = body is { } b && b.TryGetProperty("content", out var c) ? c.GetString() : null })),
        };
    }

    private static Dictionary<string, string> DefaultHeaders(string path) => new()
    {
        ["X-RateLimit-Limit"] = "50",
        ["X-RateLimit-Remaining"] = "49",
        ["X-RateLimit-Reset-After"] = "0.05",
        ["X-RateLimit-Bucket"] = "b-" + path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
    };
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Rest;

/// <summary>
/// Sends REST calls with Discord's rules: per-bucket and global rate limits, 429 retry_after honoured, retries
/// (<see cref="RestRetryPolicy"/>) on 5xx and network errors only where a retry cannot act twice, no retry of
/// 401/403 (they count toward Discord's invalid-request ban).
/// </summary>
internal sealed partial class DiscordRestClient(
    HttpClient http,
    IOptions<DiscordOptions> options,
    RateLimitBuckets buckets,
    GlobalRateLimit globalLimit,
    RestRetryPolicy retries,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "SkinBot.Discord.Rest";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly DiscordOptions _settings = options.Value;

    /// <summary>Discord's code for a second response to one interaction: the first one got through.</summary>
    internal const int AlreadyAcknowledgedCode = 40060;

    /// <summary>
    /// Sends the call and returns the JSON body (null for 204 or an empty body). With a <paramref name="deadline"/>
    /// each attempt times out at what is left of it and nothing is retried past it.
    /// </summary>
    public async Task<JsonElement?> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken, DateTimeOffset? deadline = null)
    {
        var payload = body is null ? null : DiscordJson.Serialize(body);
        var result = await retries.RunAsync(route, deadline, token => SendOnceAsync(route, payload, deadline, token), cancellationToken);
        return result.Last switch
        {
            RestAttempt.Done done => done.Body,
            RestAttempt.RateLimited limited when result.Stopped == RestRetryPolicy.StopReason.PastDeadline =>
                throw new DiscordRestException(route.Template, limited.Status, limited.Code, "Not retried: the retry would come after the deadline."),
            RestAttempt.RateLimited limited =>
                throw new DiscordRestException(route.Template, limited.Status, limited.Code, "Still rate limited after retries."),
            RestAttempt.Transient transient when result.Stopped == RestRetryPolicy.StopReason.PastDeadline =>
                throw new DiscordRestException(route.Template, transient.Status, transient.Code, "Not retried: the retry would come after the deadline.", transient.Failure),
            RestAttempt.Transient { Failure: { } failure } =>
                throw new DiscordRestException(route.Template, null, null, "Discord could not be reached after retries.", failure),
            RestAttempt.Transient transient =>
                throw new DiscordRestException(route.Template, transient.Status, transient.Code, "Discord kept failing after retries."),
            _ => throw new InvalidOperationException("Unknown REST attempt outcome."),
        };
    }

    /// <summary>One attempt: wait for the limits, send, read the answer. Final refusals throw; the rest go to the retry policy.</summary>
    private async ValueTask<RestAttempt> SendOnceAsync(DiscordRoute route, byte[]? payload, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (route.UsesBotAuthorization)
        {
            await globalLimit.WaitAsync(cancellationToken);
        }

        await buckets.AcquireAsync(route, cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await SendRequestAsync(route, payload, AttemptTimeout(route, deadline), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (!route.Idempotent && !NeverSent(ex))
            {
                // A timeout or a broken response does not say whether Discord acted on it: a retry could post twice.
                throw new DiscordRestException(route.Template, null, null, "The request may have reached Discord; not retried.", ex);
            }

            return new RestAttempt.Transient(null, null, ex);
        }

        using (response)
        {
            await buckets.UpdateAsync(route, response.Headers, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new RestAttempt.Done(string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone());
            }

            var error = DiscordError.Parse(text);
            if (route.Kind == DiscordRouteKind.Interaction && error.Code == AlreadyAcknowledgedCode)
            {
                // An earlier attempt timed out on our side but reached Discord: the interaction is answered.
                LogAlreadyAcknowledged(route.Template);
                return new RestAttempt.Done(null);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                metrics.RateLimited.Add(1);
                var retryAfter = RetryAfter(response, error);
                var global = error.Global || string.Equals(RateLimitBuckets.Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
                LogRateLimited(route.Template, retryAfter.TotalMilliseconds, global);
                if (global)
                {
                    await globalLimit.PauseForAsync(retryAfter, cancellationToken);
                }
                else
                {
                    await buckets.ExhaustAsync(route, retryAfter, cancellationToken);
                }

                return new RestAttempt.RateLimited(retryAfter, global, response.StatusCode, error.Code);
            }

            if (IsTransient(response.StatusCode) && route.Idempotent)
            {
                return new RestAttempt.Transient(response.StatusCode, error.Code, null);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && route.UsesBotAuthorization)
            {
                LogUnauthorized(route.Template);
            }

            throw new DiscordRestException(route.Template, response.StatusCode, error.Code, error.Message ?? "Discord refused the request.");
        }
    }

    /// <summary>RestTimeout, or what is left of the deadline when that is sooner.</summary>
    private TimeSpan AttemptTimeout(DiscordRoute route, DateTimeOffset? deadline)
    {
        if (deadline is not { } end)
        {
            return _settings.RestTimeout;
        }

        var left = end - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            throw new DiscordRestException(route.Template, null, null, "The deadline passed before the request could be sent.");
        }

        return left < _settings.RestTimeout ? left : _settings.RestTimeout;
    }

    /// <summary>Failures that happen before a byte of the request left: safe to retry even when the call is not idempotent.</summary>
    private static bool NeverSent(Exception ex) =>
        ex is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private async Task<HttpResponseMessage> SendRequestAsync(DiscordRoute route, byte[]? payload, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, _settings.ApiBaseUrl.TrimEnd('/') + route.Path);
        request.Headers.UserAgent.ParseAdd($"DiscordBot ({_settings.UserAgentUrl}, 1.0)");
        if (route.UsesBotAuthorization)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _settings.BotToken?.Trim());
        }

        if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload) { Headers = { ContentType = Json } };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan RetryAfter(HttpResponseMessage response, DiscordError error)
    {
        if (error.RetryAfter is { } seconds && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (double.TryParse(RateLimitBuckets.Header(response.Headers, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header) && header >= 0)
        {
            return TimeSpan.FromSeconds(header);
        }

        return response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord says the interaction was already acknowledged on {Route}: an earlier attempt got through")]
    private partial void LogAlreadyAcknowledged(string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limited {Route}; retrying after {RetryAfterMs} ms (global: {Global})")]
    private partial void LogRateLimited(string route, double retryAfterMs, bool global);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord rejected the bot token (401) on {Route}; check Discord:BotToken. Not retrying.")]
    private partial void LogUnauthorized(string route);
}

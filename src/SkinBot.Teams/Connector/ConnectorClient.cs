using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Auth;
using MsalException = Microsoft.Identity.Client.MsalException;

namespace SkinBot.Teams.Connector;

/// <summary>
/// The one way SkinBot posts to a Bot Framework connector service: bearer token from the bot's app
/// registration, only to a <see cref="TrustedServiceUrl"/>, escaped ids, bounded retries with jitter that
/// honour Retry-After, and only where a retry cannot post the activity twice (see <see cref="RetryTiming"/>).
/// Each attempt holds one of the address's <see cref="ConnectorSendSlots"/>; backoff waits hold none; the whole
/// send, waits included, ends by <see cref="TeamsOptions.SendDeadline"/>.
/// </summary>
internal sealed partial class ConnectorClient
{
    internal const string HttpClientName = "SkinBot.Teams.Connector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IBotTokenProvider _tokens;
    private readonly ConnectorSendSlots _slots;
    private readonly TeamsOptions _options;
    private readonly TeamsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(IHttpClientFactory httpClientFactory, IBotTokenProvider tokens, ConnectorSendSlots slots, IOptions<TeamsOptions> options, TeamsMetrics metrics, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _slots = slots;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}: a reply in the same thread.</summary>
    public Task ReplyToActivityAsync(TrustedServiceUrl serviceUrl, string conversationId, string activityId, OutgoingActivity activity, string kind, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, ReplyAddress.Activities(serviceUrl, conversationId, activityId), activity, kind, _options.MaxSendAttempts, cancellationToken);

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities: a new message in the conversation.</summary>
    public Task SendToConversationAsync(TrustedServiceUrl serviceUrl, string conversationId, OutgoingActivity activity, string kind, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, ReplyAddress.Activities(serviceUrl, conversationId, null), activity, kind, _options.MaxSendAttempts, cancellationToken);

    /// <summary>A typing indicator is a courtesy: one attempt, and failures are only logged.</summary>
    public async Task TrySendTypingAsync(TrustedServiceUrl serviceUrl, string conversationId, string? activityId, OutgoingActivity typing, CancellationToken cancellationToken)
    {
        try
        {
            await PostAsync(serviceUrl, ReplyAddress.Activities(serviceUrl, conversationId, activityId), typing, SendKinds.Typing, 1, cancellationToken);
        }
        catch (TeamsConnectorException ex)
        {
            LogTypingFailed(ex.StatusCode);
        }
    }

    private async Task PostAsync(TrustedServiceUrl serviceUrl, Uri url, OutgoingActivity activity, string kind, int maxAttempts, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(_options.SendDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            RetryConditionHeaderValue? retryAfter = null;
            Exception? failure = null;
            var retryableFailure = false;
            try
            {
                var bearer = await _tokens.GetTokenAsync(token);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                using (await _slots.AcquireAsync(serviceUrl, token))
                {
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                    if (response.IsSuccessStatusCode)
                    {
                        _metrics.Sent(kind);
                        LogSent(kind, (int)response.StatusCode, attempt);
                        return;
                    }

                    status = response.StatusCode;
                    retryAfter = response.Headers.RetryAfter;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
            {
                // Out of time, whether queued for a slot (nothing sent) or mid-call (maybe posted): never retried.
                failure = new TimeoutException("The send deadline passed.", ex);
            }
            catch (MsalException ex) when (!ex.IsRetryable)
            {
                // A wrong secret or tenant does not get better by retrying.
                _metrics.SendFailure(kind);
                LogTokenFailed(ex, kind, ex.ErrorCode);
                throw new TeamsConnectorException("Could not get a Bot Framework token: " + ex.ErrorCode, kind, attempt, null, ex);
            }
            catch (MsalException ex)
            {
                // Entra throttling, an outage or a timeout: nothing was posted yet, so the backoff below is safe.
                failure = ex;
                retryableFailure = true;
                LogTokenRetryable(kind, ex.ErrorCode);
            }
            catch (HttpRequestException ex)
            {
                failure = ex;
                retryableFailure = RetryTiming.IsRetryable(ex);
            }
            catch (TaskCanceledException ex)
            {
                failure = ex; // HttpClient timeout: the activity may have been posted, so it is not retried
            }

            if (status == HttpStatusCode.TooManyRequests)
            {
                _metrics.Throttled();
            }

            var retryable = retryableFailure || (status is { } code && RetryTiming.IsRetryable(code));
            var delay = retryable && attempt < maxAttempts ? RetryDelay(retryAfter, attempt) : (TimeSpan?)null;
            if (delay is { } wait && wait >= _options.SendDeadline - _time.GetElapsedTime(started))
            {
                // Waiting would end past the deadline; give up now rather than sleep only to fail.
                failure = new TimeoutException("The send deadline would pass before the next attempt.", failure);
                delay = null;
            }

            if (delay is null)
            {
                throw GiveUp(serviceUrl, kind, attempt, status, failure, started);
            }

            _metrics.Retry();
            LogRetrying(kind, status is { } r ? (int)r : null, attempt, delay.Value.TotalMilliseconds);
            try
            {
                await Task.Delay(delay.Value, _time, token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw GiveUp(serviceUrl, kind, attempt, status, new TimeoutException("The send deadline passed.", ex), started);
            }
        }
    }

    private TimeSpan RetryDelay(RetryConditionHeaderValue? retryAfter, int attempt) =>
        RetryTiming.FromRetryAfter(retryAfter, _time.GetUtcNow(), _options.MaxRetryDelay)
            ?? RetryTiming.Backoff(attempt, _options.RetryBaseDelay, _options.MaxRetryDelay, Random.Shared);

    private TeamsConnectorException GiveUp(TrustedServiceUrl serviceUrl, string kind, int attempt, HttpStatusCode? status, Exception? failure, long started)
    {
        _metrics.SendFailure(kind);
        LogSendFailed(kind, serviceUrl.ForLogs, status is { } s ? (int)s : null, FailureName(failure), attempt, Math.Round(_time.GetElapsedTime(started).TotalMilliseconds));
        return new TeamsConnectorException($"The connector service did not accept the {kind} (status {(status is { } st ? (int)st : "none")}) after {attempt} attempt(s).", kind, attempt, status, failure);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Kind} to the connector service: {Status} on attempt {Attempt}")]
    private partial void LogSent(string kind, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector service answered {Status} to a {Kind} on attempt {Attempt}; retrying in {DelayMs} ms")]
    private partial void LogRetrying(string kind, int? status, int attempt, double delayMs);

    private static string? FailureName(Exception? failure) => failure switch
    {
        null => null,
        HttpRequestException http => "HttpRequestError." + http.HttpRequestError,
        TimeoutException => "SendDeadline",
        TaskCanceledException => "Timeout",
        MsalException msal => "token " + msal.ErrorCode,
        _ => failure.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up sending a {Kind} to the connector service {ServiceUrl}: last status {Status} ({Failure}) after {Attempts} attempt(s) in {ElapsedMs} ms")]
    private partial void LogSendFailed(string kind, string serviceUrl, int? status, string? failure, int attempts, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not get a Bot Framework token for a {Kind} ({ErrorCode}); check Teams:MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId")]
    private partial void LogTokenFailed(Exception exception, string kind, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transient failure getting a Bot Framework token for a {Kind} ({ErrorCode})")]
    private partial void LogTokenRetryable(string kind, string errorCode);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Typing indicator not delivered (status {Status})")]
    private partial void LogTypingFailed(HttpStatusCode? status);
}

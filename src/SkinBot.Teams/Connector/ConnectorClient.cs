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
/// registration, only to a <see cref="TrustedServiceUrl"/>, escaped ids, and the retries of
/// <see cref="ConnectorRetryPolicy"/> (bounded, Retry-After honoured, only where a retry cannot post twice).
/// Each attempt holds one of the address's <see cref="ConnectorSendSlots"/>; backoff waits hold none; the whole
/// send, waits included, ends by <see cref="TeamsOptions.SendDeadline"/>.
/// </summary>
internal sealed partial class ConnectorClient
{
    internal const string HttpClientName = "SkinBot.Teams.Connector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IBotTokenProvider _tokens;
    private readonly ConnectorSendSlots _slots;
    private readonly ConnectorRetryPolicy _retries;
    private readonly TeamsOptions _options;
    private readonly TeamsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(IHttpClientFactory httpClientFactory, IBotTokenProvider tokens, ConnectorSendSlots slots, ConnectorRetryPolicy retries, IOptions<TeamsOptions> options, TeamsMetrics metrics, TimeProvider time, ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _slots = slots;
        _retries = retries;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}: a reply in the same thread.</summary>
    public Task ReplyToActivityAsync(TrustedServiceUrl serviceUrl, string conversationId, string activityId, OutgoingActivity activity, string kind, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, ReplyAddress.Activities(serviceUrl, conversationId, activityId), activity, kind, retry: true, cancellationToken);

    /// <summary>POST {serviceUrl}/v3/conversations/{conversationId}/activities: a new message in the conversation.</summary>
    public Task SendToConversationAsync(TrustedServiceUrl serviceUrl, string conversationId, OutgoingActivity activity, string kind, CancellationToken cancellationToken) =>
        PostAsync(serviceUrl, ReplyAddress.Activities(serviceUrl, conversationId, null), activity, kind, retry: true, cancellationToken);

    /// <summary>A typing indicator is a courtesy: one attempt, and failures are only logged.</summary>
    public async Task TrySendTypingAsync(TrustedServiceUrl serviceUrl, string conversationId, string? activityId, OutgoingActivity typing, CancellationToken cancellationToken)
    {
        try
        {
            await PostAsync(serviceUrl, ReplyAddress.Activities(serviceUrl, conversationId, activityId), typing, SendKinds.Typing, retry: false, cancellationToken);
        }
        catch (TeamsConnectorException ex)
        {
            LogTypingFailed(ex.StatusCode);
        }
    }

    private async Task PostAsync(TrustedServiceUrl serviceUrl, Uri url, OutgoingActivity activity, string kind, bool retry, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var started = _time.GetTimestamp();
        using var deadline = new CancellationTokenSource(_options.SendDeadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var attempts = 0;
        var last = SendAttempt.Delivered;

        async ValueTask<SendAttempt> AttemptAsync(CancellationToken token)
        {
            attempts++;
            last = await SendOnceAsync(client, serviceUrl, url, payload, kind, attempts, deadline, cancellationToken, token);
            return last;
        }

        ConnectorRetryPolicy.Result result;
        try
        {
            result = retry
                ? await _retries.RunAsync(kind, started, AttemptAsync, linked.Token)
                : new ConnectorRetryPolicy.Result(await AttemptAsync(linked.Token), false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The deadline passed during a retry wait.
            throw GiveUp(serviceUrl, kind, attempts, last.Status, new TimeoutException("The send deadline passed.", ex), started);
        }

        if (!result.Last.Succeeded)
        {
            var failure = result.StoppedByDeadline
                ? new TimeoutException("The send deadline would pass before the next attempt.", result.Last.Failure)
                : result.Last.Failure;
            throw GiveUp(serviceUrl, kind, attempts, result.Last.Status, failure, started);
        }
    }

    /// <summary>One POST: a token, a send slot for the address, the request. Failures come back as the attempt's outcome.</summary>
    private async ValueTask<SendAttempt> SendOnceAsync(HttpClient client, TrustedServiceUrl serviceUrl, Uri url, byte[] payload, string kind, int attempt, CancellationTokenSource deadline, CancellationToken callerToken, CancellationToken token)
    {
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
                    return SendAttempt.Delivered;
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    _metrics.Throttled();
                }

                return new SendAttempt(response.StatusCode, response.Headers.RetryAfter, null, false);
            }
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            // Out of time, whether queued for a slot (nothing sent) or mid-call (maybe posted): never retried.
            return new SendAttempt(null, null, new TimeoutException("The send deadline passed.", ex), false);
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
            // Entra throttling, an outage or a timeout: nothing was posted yet, so a retry is safe.
            LogTokenRetryable(kind, ex.ErrorCode);
            return new SendAttempt(null, null, ex, true);
        }
        catch (HttpRequestException ex)
        {
            return new SendAttempt(null, null, ex, RetryTiming.IsRetryable(ex));
        }
        catch (TaskCanceledException ex)
        {
            return new SendAttempt(null, null, ex, false); // HttpClient timeout: the activity may have been posted, so it is not retried
        }
    }

    private TeamsConnectorException GiveUp(TrustedServiceUrl serviceUrl, string kind, int attempt, HttpStatusCode? status, Exception? failure, long started)
    {
        _metrics.SendFailure(kind);
        LogSendFailed(kind, serviceUrl.ForLogs, status is { } s ? (int)s : null, FailureName(failure), attempt, Math.Round(_time.GetElapsedTime(started).TotalMilliseconds));
        return new TeamsConnectorException($"The connector service did not accept the {kind} (status {(status is { } st ? (int)st : "none")}) after {attempt} attempt(s).", kind, attempt, status, failure);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Kind} to the connector service: {Status} on attempt {Attempt}")]
    private partial void LogSent(string kind, int status, int attempt);

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

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using SkinBot.Teams.Auth;
using SkinBot.Teams.Connector;

namespace SkinBot.Teams.Activities;

/// <summary>
/// POST /api/messages. Order matters: token first (before the body is read), then the activity is parsed and
/// checked against the token, and only then does anything happen. Messages and installs are acknowledged at once
/// and answered by the background workers; invokes are answered inline.
/// </summary>
internal sealed partial class MessagesEndpoint
{
    private readonly TeamsOptions _options;
    private readonly BotFrameworkAuthenticator _authenticator;
    private readonly IDeliveryLedger _deliveries;
    private readonly TurnQueue _queue;
    private readonly InvokeHandler _invokes;
    private readonly TeamsMetrics _metrics;
    private readonly ILogger<MessagesEndpoint> _logger;

    public MessagesEndpoint(
        IOptions<TeamsOptions> options,
        BotFrameworkAuthenticator authenticator,
        IDeliveryLedger deliveries,
        TurnQueue queue,
        InvokeHandler invokes,
        TeamsMetrics metrics,
        ILogger<MessagesEndpoint> logger)
    {
        _options = options.Value;
        _authenticator = authenticator;
        _deliveries = deliveries;
        _queue = queue;
        _invokes = invokes;
        _metrics = metrics;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!_options.Enabled)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var token = await _authenticator.ValidateTokenAsync(context.Request.Headers.Authorization.ToString(), cancellationToken);
        if (!token.Succeeded)
        {
            context.Response.StatusCode = token.FailureReason == AuthFailureReasons.MetadataUnavailable
                ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status401Unauthorized;
            return;
        }

        var activity = await ReadActivityAsync(context, cancellationToken);
        if (activity is null)
        {
            return; // ReadActivityAsync set 400/413
        }

        var trusted = _authenticator.AuthorizeActivity(token.Value!, activity.ChannelId, activity.ServiceUrl);
        if (!trusted.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        _metrics.Received(activity.Type);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                context.Response.StatusCode = await EnqueueAsync(activity, TurnKind.Message, trusted.Value!, cancellationToken);
                return;
            case ActivityTypes.ConversationUpdate when BotWasAdded(activity):
                context.Response.StatusCode = await EnqueueAsync(activity, TurnKind.Welcome, trusted.Value!, cancellationToken);
                return;
            case ActivityTypes.Invoke:
                await WriteInvokeAsync(context, await _invokes.HandleAsync(activity, cancellationToken), cancellationToken);
                return;
            default:
                LogIgnored(activity.Type, activity.Name, activity.Id);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }

    private async Task<int> EnqueueAsync(Activity activity, TurnKind kind, TrustedServiceUrl serviceUrl, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || activity.Recipient?.Id is null || activity.From?.Id is null)
        {
            LogIncomplete(activity.Type, activity.Id);
            return StatusCodes.Status400BadRequest;
        }

        if (!ReplyAddress.IsUsableId(conversationId) || (!string.IsNullOrEmpty(activity.Id) && !ReplyAddress.IsUsableId(activity.Id)))
        {
            LogUnaddressable(activity.Type, activity.Id);
            return StatusCodes.Status400BadRequest;
        }

        var deduplicated = !string.IsNullOrEmpty(activity.Id);
        var delivery = DeliveryKey.Teams(activity.Id ?? string.Empty, conversationId);
        if (deduplicated && !await _deliveries.TryClaimAsync(delivery, cancellationToken))
        {
            _metrics.Duplicate();
            LogDuplicate(activity.Id, conversationId);
            return StatusCodes.Status200OK;
        }

        var queued = _queue.TryEnqueue(new TurnWorkItem(kind, activity, serviceUrl));
        if (queued == EnqueueResult.Accepted)
        {
            return StatusCodes.Status202Accepted;
        }

        if (deduplicated)
        {
            await _deliveries.ReleaseAsync(delivery, CancellationToken.None);
        }

        switch (queued)
        {
            case EnqueueResult.Closed:
                LogShuttingDown(activity.Id);
                break;
            case EnqueueResult.DestinationFull:
                LogDestinationFull(activity.Id, serviceUrl.ForLogs);
                break;
            default:
                LogQueueFull(activity.Id);
                break;
        }

        return StatusCodes.Status503ServiceUnavailable;
    }

    private static bool BotWasAdded(Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId
        && activity.MembersAdded is { Count: > 0 } added
        && added.Any(member => string.Equals(member.Id, botId, StringComparison.OrdinalIgnoreCase));

    private async Task<Activity?> ReadActivityAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > _options.MaxActivityBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = _options.MaxActivityBytes;
        }

        try
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, BotJson.Options, cancellationToken);
            if (activity is null || string.IsNullOrEmpty(activity.Type))
            {
                LogMalformed("the body is not an activity object with a type", null, null);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return null;
            }

            return activity;
        }
        catch (JsonException ex)
        {
            LogMalformed(ex.GetType().Name, ex.LineNumber, ex.BytePositionInLine);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }
    }

    private static async Task WriteInvokeAsync(HttpContext context, InvokeResult result, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = result.StatusCode;
        if (result.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(result.Body, BotJson.Options), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed activity JSON on an authenticated request: {Problem} (line {Line}, byte {BytePosition})")]
    private partial void LogMalformed(string problem, long? line, long? bytePosition);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Teams activity of type {Type} (name {Name}, id {ActivityId})")]
    private partial void LogIgnored(string? type, string? name, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped redelivered activity {ActivityId} in {ConversationId}")]
    private partial void LogDuplicate(string? activityId, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} of type {Type} lacks conversation, from or recipient ids")]
    private partial void LogIncomplete(string? type, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityId} of type {Type} has a conversation or activity id that cannot be a reply address")]
    private partial void LogUnaddressable(string? type, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down; activity {ActivityId} refused with 503 so Teams redelivers it")]
    private partial void LogShuttingDown(string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many undelivered replies to {ServiceUrl}; activity {ActivityId} refused with 503 so Teams redelivers it")]
    private partial void LogDestinationFull(string? activityId, string serviceUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer queue full; activity {ActivityId} refused with 503 so Teams redelivers it")]
    private partial void LogQueueFull(string? activityId);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Feedback;
using SkinBot.Core.Turns;
using SkinBot.Teams.Rendering;

namespace SkinBot.Teams.Activities;

/// <summary>The HTTP status and JSON body an invoke is answered with.</summary>
internal sealed record InvokeResult(int StatusCode, JsonNode? Body);

/// <summary>
/// Invokes are answered inline: Action.Execute (adaptiveCard/action) gets the answer card back, a message
/// extension search (composeExtension/query) gets shareable result cards inside Teams' 5-second window.
/// </summary>
internal sealed partial class InvokeHandler
{
    private const int MaxComposeResults = 10;

    /// <summary>When feedback is not registered a vote is still acknowledged, and nothing is kept.</summary>
    internal const string VoteOffText = "Thanks. Feedback isn't switched on here, so nothing was kept.";

    private readonly ITurnRunner _turns;
    private readonly AnsweredCards _cards;
    private readonly IServiceProvider _services;
    private readonly TeamsOptions _options;
    private readonly ILogger<InvokeHandler> _logger;

    public InvokeHandler(ITurnRunner turns, AnsweredCards cards, IServiceProvider services, IOptions<TeamsOptions> options, ILogger<InvokeHandler> logger)
    {
        _turns = turns;
        _cards = cards;
        _services = services;
        _options = options.Value;
        _logger = logger;
    }

    public Task<InvokeResult> HandleAsync(Activity activity, CancellationToken cancellationToken) => activity.Name switch
    {
        InvokeNames.AdaptiveCardAction => CardActionAsync(activity, cancellationToken),
        InvokeNames.ComposeExtensionQuery => ComposeQueryAsync(activity, cancellationToken),
        _ => NotImplemented(activity),
    };

    private Task<InvokeResult> NotImplemented(Activity activity)
    {
        LogUnknownInvoke(activity.Name);
        return Task.FromResult(new InvokeResult(StatusCodes.Status501NotImplemented, null));
    }

    private async Task<InvokeResult> CardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        string? verb = null;
        JsonElement? data = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            if (action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String)
            {
                verb = v.GetString();
            }

            if (action.TryGetProperty("data", out var d))
            {
                data = d;
            }
        }

        if (string.Equals(verb, VoteCard.Verb, StringComparison.Ordinal))
        {
            return await VoteAsync(activity, data, cancellationToken);
        }

        if (!string.Equals(verb, AdaptiveCardRenderer.FollowUpVerb, StringComparison.Ordinal))
        {
            LogUnknownVerb(verb);
            return new InvokeResult(200, InvokeResponses.CardActionError(400, "BadRequest", "SkinBot does not know this card action."));
        }

        var question = ActivityText.ReadQuestion(data);
        if (question is null)
        {
            return new InvokeResult(200, InvokeResponses.CardActionError(400, "BadRequest", "The card action carried no question."));
        }

        var result = await _turns.RunAsync(ChatRequestFactory.ForText(activity, question), TurnOptions.None, cancellationToken);
        _cards.Remember(result.Reply, CardActionStyle.Execute);
        return new InvokeResult(200, InvokeResponses.CardActionResult(result));
    }

    /// <summary>
    /// A 👍 or a 👎 (with its reason) from an answer card. In a one-to-one chat the card comes back with "counted" in
    /// place of its buttons. Elsewhere a card returned here would change for everyone in the conversation, taking the
    /// buttons from people who have not voted, so the voter gets a message and the card stays as it is.
    /// </summary>
    private async Task<InvokeResult> VoteAsync(Activity activity, JsonElement? data, CancellationToken cancellationToken)
    {
        if (VoteCard.TryRead(data) is not { } submitted)
        {
            return new InvokeResult(200, InvokeResponses.CardActionError(400, "BadRequest", "The vote carried no answer id or vote."));
        }

        if (_services.GetService<IFeedbackVotes>() is not { } votes)
        {
            return new InvokeResult(200, InvokeResponses.CardActionMessage(VoteOffText));
        }

        var ballot = new VoteBallot(Platforms.Teams, ChatRequestFactory.UserId(activity), submitted.Answer, submitted.Vote)
        {
            Reason = submitted.Reason,
            ReasonText = submitted.Comment,
        };
        var receipt = await votes.VoteAsync(ballot, cancellationToken);
        var personal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
        if (personal && receipt.Change != VoteChange.NotKept && _cards.TryGet(submitted.Answer, out var answer, out var style))
        {
            return new InvokeResult(200, InvokeResponses.VoteCounted(answer, style, receipt));
        }

        return new InvokeResult(200, InvokeResponses.CardActionMessage(receipt.Message));
    }

    private async Task<InvokeResult> ComposeQueryAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (query, count) = ReadQuery(activity.Value);
        var request = string.IsNullOrWhiteSpace(query)
            ? ChatRequestFactory.ForCommand(activity, ChatCommand.Of(CommandNames.Scar)) // opened without text: the scar types overview
            : ChatRequestFactory.ForText(activity, query);
        LogComposeQuery(request.CorrelationId);

        TurnResult result;
        try
        {
            // Teams stops waiting for a message extension at 5 s: past the deadline it gets a message, not silence.
            result = await _turns.RunAsync(request, TurnOptions.Within(_options.ComposeExtensionTimeout), cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogComposeTimeout(request.CorrelationId);
            return new InvokeResult(200, InvokeResponses.ComposeExtensionMessage("SkinBot could not search in time. Please try again."));
        }

        return new InvokeResult(200, InvokeResponses.ComposeExtensionResult(result.Reply, Math.Clamp(count ?? MaxComposeResults, 1, MaxComposeResults)));
    }

    /// <summary>value{commandId, parameters[{name,value}], queryOptions{skip,count}}; the search text is the first non-initialRun parameter.</summary>
    private static (string? Query, int? Count) ReadQuery(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return (null, null);
        }

        string? query = null;
        if (element.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.ValueKind != JsonValueKind.Object
                    || (parameter.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == "initialRun"))
                {
                    continue;
                }

                if (parameter.TryGetProperty("value", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    query = ActivityText.StripHtml(text.GetString() ?? string.Empty);
                    break;
                }
            }
        }

        int? count = null;
        if (element.TryGetProperty("queryOptions", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n))
        {
            count = n;
        }

        return (query, count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invoke {Name} is not handled; answering 501")]
    private partial void LogUnknownInvoke(string? name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action with unknown verb {Verb}")]
    private partial void LogUnknownVerb(string? verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message extension query {CorrelationId}")]
    private partial void LogComposeQuery(string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message extension query {CorrelationId} missed its deadline")]
    private partial void LogComposeTimeout(string correlationId);
}

using System.Text.Json;
using SkinBot.Core.Chat;
using SkinBot.Core.Feedback;
using SkinBot.Host.WebChat;

namespace SkinBot.Host.Feedback;

/// <summary>
/// <c>POST /api/feedback</c>: the web chat's 👍 / 👎 ({"answerId", "vote", "reason"?, "comment"?}). The voter is the same
/// keyed client id the chat uses, so one vote per visitor per answer holds across tabs.
/// </summary>
internal static class FeedbackApiEndpoint
{
    public const string Path = "/api/feedback";

    private const int MaxBodyBytes = 4096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> HandleAsync(HttpContext context, FeedbackService feedback, WebChatVisitors visitors)
    {
        // A JSON content type forces a CORS preflight, so another site cannot vote from a visitor's browser.
        if (!context.Request.HasJsonContentType())
        {
            return Results.Json(new WebChatError("The body must be JSON (Content-Type: application/json)."), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.Json(new WebChatError("The body is too large."), statusCode: StatusCodes.Status400BadRequest);
        }

        WebFeedbackRequest? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<WebFeedbackRequest>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException)
        {
            input = null;
        }

        if (input is null || !AnswerId.TryParse(input.AnswerId, out var answer) || !VoteNames.TryParse(input.Vote, out var vote))
        {
            return Results.Json(new WebChatError("Send {\"answerId\": the id of the answer, \"vote\": \"up\" or \"down\"}."), statusCode: StatusCodes.Status400BadRequest);
        }

        var visitor = visitors.Identify(context, claimedConversationId: null);
        var ballot = new VoteBallot(Platforms.Web, visitor.Client.Value, answer.Value, vote) { Reason = VoteReasonNames.Parse(input.Reason), ReasonText = input.Comment };
        var receipt = await feedback.VoteAsync(ballot, context.RequestAborted);
        return Results.Json(new WebFeedbackAcknowledgement(receipt.Message, receipt.ChangeName));
    }
}

/// <summary>Body of <c>POST /api/feedback</c>. <paramref name="Reason"/>: did_not_answer, wrong, unclear or other.</summary>
public sealed record WebFeedbackRequest(string? AnswerId, string? Vote, string? Reason, string? Comment);

/// <summary>What to show after a vote, and what it did: first, same (already counted) or changed.</summary>
public sealed record WebFeedbackAcknowledgement(string Message, string Change);

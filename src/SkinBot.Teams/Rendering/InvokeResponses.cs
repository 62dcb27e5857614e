using System.Text.Json.Nodes;
using SkinBot.Core.Answers;
using SkinBot.Core.Turns;

namespace SkinBot.Teams.Rendering;

/// <summary>Bodies of invoke responses: for an invoke the HTTP response is the result.</summary>
internal static class InvokeResponses
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string ThumbnailContentType = "application/vnd.microsoft.card.thumbnail";

    /// <summary>
    /// Action.Execute result: the card of what the turn shows, whose buttons are Action.Execute again. An invoke must be
    /// answered, so a rate-limit notice the person already had comes back as its headline alone.
    /// </summary>
    public static JsonObject CardActionResult(TurnResult result) => result is TurnResult.RateLimited { AlreadyTold: true } refusal
        ? CardActionMessage(refusal.Notice.Headline)
        : new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = AdaptiveCardRenderer.ContentType,
            ["value"] = TeamsMessageFactory.AnswerCard(result.Reply, CardActionStyle.Execute),
        };

    /// <summary>The answer card again, its vote buttons replaced by the line saying the vote was counted.</summary>
    public static JsonObject VoteCounted(Answer answer, CardActionStyle style, Core.Feedback.VoteReceipt receipt) => new()
    {
        ["statusCode"] = 200,
        ["type"] = AdaptiveCardRenderer.ContentType,
        ["value"] = TeamsMessageFactory.AnswerCard(answer, style, counted: receipt),
    };

    public static JsonObject CardActionMessage(string text) => new()
    {
        ["statusCode"] = 200,
        ["type"] = MessageType,
        ["value"] = MentionSanitizer.Clean(text),
    };

    public static JsonObject CardActionError(int statusCode, string code, string message) => new()
    {
        ["statusCode"] = statusCode,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    };

    /// <summary>
    /// Message extension result: one shareable card per passage (headline, the passage, its source, the caveat)
    /// with a thumbnail preview for the result list; an answer without passages (a notice, help) is a message.
    /// </summary>
    public static JsonObject ComposeExtensionResult(Answer answer, int maxResults)
    {
        if (answer.Passages.Count == 0)
        {
            var message = answer.MessageText?.Render(UserTextBlock.PlainRun);
            var text = string.IsNullOrWhiteSpace(message) ? answer.Headline : answer.Headline + ". " + message;
            return ComposeExtensionMessage(text);
        }

        var attachments = new JsonArray();
        foreach (var passage in answer.Passages.Take(maxResults))
        {
            // Shared into other conversations, so without vote buttons: the vote belongs to whoever was answered.
            var single = answer with { Passages = [passage], FollowUps = [], Message = null, Id = null };
            var card = TeamsMessageFactory.AnswerCard(single, CardActionStyle.Submit);
            attachments.Add(new JsonObject
            {
                ["contentType"] = AdaptiveCardRenderer.ContentType,
                ["content"] = card,
                ["preview"] = new JsonObject
                {
                    ["contentType"] = ThumbnailContentType,
                    ["content"] = new JsonObject
                    {
                        ["title"] = MentionSanitizer.Clean(passage.LeadTerm ?? answer.Headline),
                        ["subtitle"] = MentionSanitizer.Clean(passage.Source.Title),
                        ["text"] = MentionSanitizer.Clean(AnswerBudget.TrimAtWord(passage.Text.Trim(), 140)),
                    },
                },
            });
        }

        return new JsonObject
        {
            ["composeExtension"] = new JsonObject
            {
                ["type"] = "result",
                ["attachmentLayout"] = "list",
                ["attachments"] = attachments,
            },
        };
    }

    public static JsonObject ComposeExtensionMessage(string text) => new()
    {
        ["composeExtension"] = new JsonObject
        {
            ["type"] = "message",
            ["text"] = MentionSanitizer.Clean(text),
        },
    };
}

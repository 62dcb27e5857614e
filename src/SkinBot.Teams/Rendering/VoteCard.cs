using System.Text.Json;
using System.Text.Json.Nodes;
using SkinBot.Core.Answers;
using SkinBot.Core.Feedback;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// 👍 / 👎 on an answer card. Both are Action.Execute (verb "vote", data {answerId, vote}), so a press is an
/// adaptiveCard/action invoke whose response can replace the card. 👎 first shows a small card (Action.ShowCard) with
/// the reason list and an optional comment; Teams merges those inputs into the data it sends back.
/// </summary>
internal static class VoteCard
{
    public const string Verb = "vote";
    public const string AnswerIdKey = "answerId";
    public const string VoteKey = "vote";
    public const string ReasonInputId = "reason";
    public const string CommentInputId = "comment";

    /// <summary>Longest comment the card accepts (and reads back): a short reason, not a second question.</summary>
    public const int MaxCommentLength = 300;

    /// <summary>Votes are offered on substantive answers SkinBot recorded; never on notices or go-to-care replies.</summary>
    public static bool Offers(Answer answer) => answer.Id is not null && answer.IsSubstantive && !answer.IsUrgent;

    /// <summary>The row of vote buttons that sits under the answer.</summary>
    public static JsonObject Actions(AnswerId answer) => new()
    {
        ["type"] = "ActionSet",
        ["spacing"] = "Medium",
        ["actions"] = new JsonArray
        {
            Execute("👍 Helpful", answer, Vote.Up),
            new JsonObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = "👎 Not helpful",
                ["card"] = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["body"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["type"] = "Input.ChoiceSet",
                            ["id"] = ReasonInputId,
                            ["label"] = "What was wrong with it? (optional)",
                            ["style"] = "compact",
                            ["isRequired"] = false,
                            ["placeholder"] = "Pick a reason",
                            ["choices"] = new JsonArray([.. VoteReasonNames.Choices.Select(reason => (JsonNode)new JsonObject
                            {
                                ["title"] = reason.ToLabel(),
                                ["value"] = reason.ToName(),
                            })]),
                        },
                        new JsonObject
                        {
                            ["type"] = "Input.Text",
                            ["id"] = CommentInputId,
                            ["label"] = "Anything else? (optional)",
                            ["isMultiline"] = true,
                            ["maxLength"] = MaxCommentLength,
                            ["placeholder"] = "Please leave out names and personal details",
                        },
                    },
                    ["actions"] = new JsonArray { Execute("Send", answer, Vote.Down) },
                },
            },
        },
    };

    /// <summary>What replaces the buttons once the vote is in.</summary>
    public static JsonObject Counted(VoteReceipt receipt)
    {
        var thumb = receipt.Vote == Vote.Up ? "👍" : "👎";
        var text = receipt.Change switch
        {
            VoteChange.Same => $"{thumb} Already counted. Thanks!",
            VoteChange.Changed => $"Changed to {thumb}. Thanks, counted.",
            _ => $"{thumb} Thanks, counted.",
        };
        return new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = text,
            ["wrap"] = true,
            ["spacing"] = "Medium",
            ["isSubtle"] = true,
        };
    }

    /// <summary>Reads the data of a vote invoke. It came from the client: a bad id or vote is refused, an unknown reason is none, long text is cut.</summary>
    public static VoteSubmission? TryRead(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value
            || !AnswerId.TryParse(String(value, AnswerIdKey), out var answer)
            || !VoteNames.TryParse(String(value, VoteKey), out var vote))
        {
            return null;
        }

        var comment = String(value, CommentInputId)?.Trim();
        comment = string.IsNullOrEmpty(comment) ? null : comment[..Math.Min(comment.Length, MaxCommentLength)];
        return vote == Vote.Down
            ? new VoteSubmission(answer.Value, vote, VoteReasonNames.Parse(String(value, ReasonInputId)), comment)
            : new VoteSubmission(answer.Value, vote, VoteReason.None, null);
    }

    private static JsonObject Execute(string title, AnswerId answer, Vote vote) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = Verb,
        ["data"] = new JsonObject { [AnswerIdKey] = answer.Value, [VoteKey] = vote.ToName() },
    };

    private static string? String(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}

/// <summary>A vote as sent back by a card: the answer, the vote, and for a 👎 the reason and comment if given.</summary>
internal sealed record VoteSubmission(AnswerId Answer, Vote Vote, VoteReason Reason, string? Comment);

using System.Text.Json.Nodes;
using SkinBot.Core.Answers;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// Lays an <see cref="Answer"/> out as an Adaptive Card 1.5: headline, SkinBot's own message, each quoted
/// passage with its citation, the caveat set apart, and follow-up buttons. Only lays out: size limits are
/// applied by <see cref="AnswerBudget"/>.
/// </summary>
internal static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string FollowUpVerb = "followup";
    public const int MaxFollowUpButtons = 5;

    /// <param name="counted">Set once the person voted: the vote buttons give way to a line saying it was counted.</param>
    public static JsonObject Render(Answer answer, CardActionStyle style, string? fallbackText, Core.Feedback.VoteReceipt? counted = null)
    {
        var body = new JsonArray();
        if (answer.IsUrgent)
        {
            // The go-to-care reply stands out as a coloured block above everything else.
            body.Add(UrgentBlock(answer));
        }
        else
        {
            body.Add(Heading(answer.Headline));
            if (!string.IsNullOrWhiteSpace(answer.Message))
            {
                body.Add(Message(answer.MessageText!));
            }
        }

        foreach (var passage in answer.Passages)
        {
            body.Add(Passage(passage));
        }

        if (!string.IsNullOrWhiteSpace(answer.Caveat))
        {
            body.Add(Caveat(answer.Caveat));
        }

        if (VoteCard.Offers(answer))
        {
            // In the body, not the card's actions: the follow-ups may already use as many actions as Teams shows.
            body.Add(counted is null ? VoteCard.Actions(answer.Id!.Value) : VoteCard.Counted(counted));
        }

        var card = NewCard(body, fallbackText);
        var actions = new JsonArray();
        foreach (var followUp in answer.IsUrgent ? [] : answer.FollowUps.Take(MaxFollowUpButtons))
        {
            actions.Add(FollowUpAction(followUp.Label, followUp.Question, style));
        }

        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return card;
    }

    /// <summary>Headline and message in an emphasised container: attention for emergencies and infections, warning for the rest.</summary>
    private static JsonObject UrgentBlock(Answer answer) => new()
    {
        ["type"] = "Container",
        ["style"] = answer.Urgency is Core.Domain.Urgency.Emergency or Core.Domain.Urgency.Infection ? "attention" : "warning",
        ["bleed"] = true,
        ["items"] = new JsonArray
        {
            Heading(UrgencyMarkers.Headline(answer)),
            answer.MessageText is { } message ? Message(message) : Text(string.Empty),
        },
    };

    public static JsonObject NewCard(JsonArray body, string? fallbackText)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (!string.IsNullOrWhiteSpace(fallbackText))
        {
            card["fallbackText"] = MentionSanitizer.Clean(fallbackText);
        }

        return card;
    }

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = MentionSanitizer.Clean(text),
        ["style"] = "heading",
        ["size"] = "Medium",
        ["weight"] = "Bolder",
        ["wrap"] = true,
    };

    /// <summary>SkinBot's words: markdown as usual, or plain runs when they quote back what the person typed.</summary>
    public static JsonObject Message(AnswerText message) =>
        message.HasUserText ? UserTextBlock.Render(message) : Text(message.Plain);

    public static JsonObject Text(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = MentionSanitizer.Clean(text),
        ["wrap"] = true,
    };

    public static JsonObject Passage(AnswerPassage passage) => new()
    {
        ["type"] = "Container",
        ["style"] = "emphasis",
        ["spacing"] = "Medium",
        ["items"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = MentionSanitizer.Clean("“" + passage.Text.Trim() + "”"),
                ["wrap"] = true,
            },
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = MentionSanitizer.Clean("— " + Citation(passage)),
                ["wrap"] = true,
                ["size"] = "Small",
                ["isSubtle"] = true,
            },
        },
    };

    public static JsonObject Caveat(string caveat) => new()
    {
        ["type"] = "Container",
        ["style"] = "warning",
        ["separator"] = true,
        ["spacing"] = "Large",
        ["items"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = MentionSanitizer.Clean("⚕️ " + caveat.Trim()),
                ["wrap"] = true,
                ["size"] = "Small",
            },
        },
    };

    public static JsonObject FollowUpAction(string label, string question, CardActionStyle style)
    {
        var data = new JsonObject { ["question"] = MentionSanitizer.Clean(question) };
        return style == CardActionStyle.Execute
            ? new JsonObject { ["type"] = "Action.Execute", ["title"] = MentionSanitizer.Clean(label), ["verb"] = FollowUpVerb, ["data"] = data }
            : new JsonObject { ["type"] = "Action.Submit", ["title"] = MentionSanitizer.Clean(label), ["data"] = data };
    }

    /// <summary>The shared citation text, with the article title linked when its address is a web address.</summary>
    public static string Citation(AnswerPassage passage)
    {
        var citation = AnswerTextRenderer.Citation(passage);
        var url = passage.Source.Url;
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return citation;
        }

        var title = passage.Source.Title.Replace('[', '(').Replace(']', ')');
        var link = "[" + title + "](" + uri.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal) + ")";
        return citation.StartsWith(passage.Source.Title, StringComparison.Ordinal)
            ? link + citation[passage.Source.Title.Length..]
            : citation + " · " + link;
    }
}

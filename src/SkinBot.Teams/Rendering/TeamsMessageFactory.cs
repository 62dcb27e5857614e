using System.Text.Json;
using System.Text.Json.Nodes;
using SkinBot.Core.Answers;
using SkinBot.Core.Feedback;
using SkinBot.Core.Safety;
using SkinBot.Teams.Activities;
using SkinBot.Teams.Connector;

namespace SkinBot.Teams.Rendering;

/// <summary>
/// Builds every activity SkinBot sends, so no call site can forget the safety defaults: from/recipient
/// swapped, no mention entities, card plus plain-text fallback, under Teams' size limit.
/// </summary>
internal static class TeamsMessageFactory
{
    /// <summary>
    /// A reply carrying the answer card. The plain-text rendering travels as the card's fallbackText rather than
    /// the activity's text, because Teams prints an activity's text above its card and the answer would show twice;
    /// the headline goes into summary, which Teams shows in notifications.
    /// </summary>
    public static OutgoingActivity AnswerReply(Answer answer, Activity inbound, int maxBytes = AnswerBudget.TeamsMaxBytes)
    {
        var fitted = AnswerBudget.Fit(answer, a => Measure(BuildAnswerReply(a, inbound)), maxBytes);
        return BuildAnswerReply(fitted, inbound);
    }

    /// <summary>The card alone (for invoke responses), fitted to the budget; with <paramref name="counted"/>, as it looks once voted on.</summary>
    public static JsonObject AnswerCard(Answer answer, CardActionStyle style, int maxBytes = AnswerBudget.TeamsMaxBytes, VoteReceipt? counted = null)
    {
        var fitted = AnswerBudget.Fit(answer, a => Measure(BuildCard(a, style, counted)), maxBytes);
        return BuildCard(fitted, style, counted);
    }

    public static OutgoingActivity Typing(Activity inbound) => new()
    {
        Type = ActivityTypes.Typing,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
    };

    public static OutgoingActivity Welcome(Activity inbound, Answer help) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        Summary = WelcomeCard.Summary,
        Locale = inbound.Locale,
        Attachments = [new OutgoingAttachment(AdaptiveCardRenderer.ContentType, WelcomeCard.Render(help))],
    };

    /// <summary>The last-chance reply when answering failed: polite, and says nothing about the question.</summary>
    public static OutgoingActivity Apology(Activity inbound) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ReplyToId = inbound.Id,
        Text = "Sorry, something went wrong while I looked that up. Please ask again in a moment. " + SafetyNet.Text,
        TextFormat = "plain",
        Locale = inbound.Locale,
    };

    internal static int Measure<T>(T payload) => JsonSerializer.SerializeToUtf8Bytes(payload, BotJson.Options).Length;

    private static OutgoingActivity BuildAnswerReply(Answer answer, Activity inbound) => new()
    {
        Type = ActivityTypes.Message,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ReplyToId = inbound.Id,
        Summary = MentionSanitizer.Clean(answer.Headline),
        Locale = inbound.Locale,
        Attachments = [new OutgoingAttachment(AdaptiveCardRenderer.ContentType, BuildCard(answer, CardActionStyle.Submit))],
    };

    private static JsonObject BuildCard(Answer answer, CardActionStyle style, VoteReceipt? counted = null) =>
        AdaptiveCardRenderer.Render(answer, style, AnswerTextRenderer.Render(answer, escapeUserText: UserTextBlock.EscapeMarkdown), counted);
}

using System.Text;
using SkinBot.Core.Answers;
using SkinBot.Core.Text;

namespace SkinBot.Discord.Rendering;

/// <summary>
/// Lays an engine <see cref="Answer"/> out for Discord: an embed (headline as title, quoted passages with their
/// sources as description, caveat in the footer) plus one button per follow-up question, or, in text style,
/// plain messages of at most 2000 characters.
/// </summary>
internal static class AnswerRenderer
{
    private const int AnswerColor = 0x5B8DEF;
    private const int LowConfidenceColor = 0x99AAB5;
    private const int CrisisColor = 0x7B61FF;
    private const int EmergencyColor = 0xE02424;
    private const int InfectionColor = 0xF05A28;
    private const int SeeDoctorColor = 0xF0A500;

    /// <summary>Text style renders at most this many characters before splitting, so one answer is at most a few messages.</summary>
    private const int MaxTextLength = DiscordLimits.ContentLength * 4;

    public static OutgoingMessage RenderEmbed(Answer answer, bool ephemeral = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer = WithoutFollowUpsWhenUrgent(answer);
        var (rows, leftOver) = ButtonsWithVotes(answer);
        return new OutgoingMessage
        {
            Embeds = [BuildEmbed(answer, leftOver)],
            Components = rows,
            Ephemeral = ephemeral,
        };
    }

    /// <summary>Plain-text messages, each ≤2000 characters; the buttons ride on the last one.</summary>
    public static IReadOnlyList<OutgoingMessage> RenderText(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer = WithoutFollowUpsWhenUrgent(answer);
        var (rows, leftOver) = ButtonsWithVotes(answer);
        var text = AnswerTextRenderer.Render(answer with { FollowUps = leftOver }, MaxTextLength, UserTextEscaper.Escape);
        var pieces = ContentSplitter.Split(text);
        return [.. pieces.Select((piece, i) => new OutgoingMessage
        {
            Content = piece,
            Components = i == pieces.Count - 1 ? rows : [],
        })];
    }

    /// <summary>A go-to-care reply never carries treatment buttons, whatever the engine attached.</summary>
    private static Answer WithoutFollowUpsWhenUrgent(Answer answer) =>
        answer.IsUrgent && answer.FollowUps.Count > 0 ? answer with { FollowUps = [] } : answer;

    private static int ColorOf(Answer answer) => answer.Urgency switch
    {
        Core.Domain.Urgency.Crisis => CrisisColor,
        Core.Domain.Urgency.Emergency => EmergencyColor,
        Core.Domain.Urgency.Infection => InfectionColor,
        Core.Domain.Urgency.SeeDoctorSoon => SeeDoctorColor,
        _ => answer.LowConfidence ? LowConfidenceColor : AnswerColor,
    };

    /// <summary>
    /// A notice the asker already had (a repeated rate-limit notice), where an interaction must show something: only the
    /// headline, only to the asker.
    /// </summary>
    public static OutgoingMessage RenderReminder(Answer answer) =>
        OutgoingMessage.Text(Truncate(answer.Headline, DiscordLimits.ContentLength), ephemeral: true);

    /// <summary>The follow-up buttons, then the 👍 / 👎 row when the answer was recorded for feedback (it takes the last row).</summary>
    private static (IReadOnlyList<ActionRow> Rows, IReadOnlyList<FollowUp> LeftOver) ButtonsWithVotes(Answer answer)
    {
        if (VoteCustomId.Row(answer) is not { } votes)
        {
            return Buttons(answer.FollowUps);
        }

        var (rows, leftOver) = Buttons(answer.FollowUps, DiscordLimits.ActionRows - 1);
        return ([.. rows, votes], leftOver);
    }

    internal static (IReadOnlyList<ActionRow> Rows, IReadOnlyList<FollowUp> LeftOver) Buttons(IReadOnlyList<FollowUp> followUps, int maxRows = DiscordLimits.ActionRows)
    {
        var buttons = new List<Button>();
        var leftOver = new List<FollowUp>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var followUp in followUps)
        {
            var customId = FollowUpCustomId.TryCreate(followUp.Question);
            var label = Truncate(string.IsNullOrWhiteSpace(followUp.Label) ? followUp.Question : followUp.Label, DiscordLimits.ButtonLabel);
            if (customId is null || buttons.Count >= maxRows * DiscordLimits.ButtonsPerRow || label.Length == 0)
            {
                leftOver.Add(followUp);
            }
            else if (seen.Add(customId))
            {
                buttons.Add(new Button(label, customId));
            }
        }

        var rows = buttons.Chunk(DiscordLimits.ButtonsPerRow).Select(chunk => new ActionRow(chunk)).ToList();
        return (rows, leftOver);
    }

    private static Embed BuildEmbed(Answer answer, IReadOnlyList<FollowUp> leftOverFollowUps)
    {
        var title = Truncate(UrgencyMarkers.Headline(answer), DiscordLimits.EmbedTitle);
        var footer = string.IsNullOrWhiteSpace(answer.Caveat) ? null : new EmbedFooter(Truncate("⚕️ " + answer.Caveat, DiscordLimits.EmbedFooter));
        var fields = leftOverFollowUps.Count == 0
            ? null
            : new[] { new EmbedField("You could also ask", Truncate(string.Join("\n", leftOverFollowUps.Select(f => "• " + f.Question)), DiscordLimits.EmbedFieldValue)) };
        var fixedLength = title.Length + (footer?.Text.Length ?? 0) + (fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);
        var budget = Math.Min(DiscordLimits.EmbedDescription, DiscordLimits.EmbedTotal - fixedLength);
        return new Embed
        {
            Title = title,
            Description = FitDescription(answer, budget),
            Color = ColorOf(answer),
            Fields = fields,
            Footer = footer,
        };
    }

    /// <summary>Drops passages from the end, then trims the last one, until the description fits.</summary>
    private static string? FitDescription(Answer answer, int budget)
    {
        // What the person typed and the answer quotes back is escaped here, so it is measured as sent.
        var message = answer.MessageText?.Render(UserTextEscaper.Escape);
        var passages = answer.Passages.ToList();
        while (true)
        {
            var text = Describe(message, passages, trimLastTo: null);
            if (text.Length <= budget)
            {
                return text.Length == 0 ? null : text;
            }

            if (passages.Count > 1)
            {
                passages.RemoveAt(passages.Count - 1);
                continue;
            }

            if (passages.Count == 1)
            {
                var overflow = text.Length - budget;
                var keep = passages[0].Text.Length - overflow - 1;
                if (keep > 20)
                {
                    var trimmed = Describe(message, passages, keep);
                    if (trimmed.Length <= budget)
                    {
                        return trimmed;
                    }
                }
            }

            return Truncate(Describe(message, [], null), budget);
        }
    }

    private static string Describe(string? message, IReadOnlyList<AnswerPassage> passages, int? trimLastTo)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(message))
        {
            text.Append(message.Trim()).Append('\n');
        }

        for (var i = 0; i < passages.Count; i++)
        {
            var body = passages[i].Text.Trim();
            if (i == passages.Count - 1 && trimLastTo is { } keep && keep < body.Length)
            {
                body = TrimAtWord(body, keep);
            }

            text.Append('\n');
            foreach (var line in body.Split('\n'))
            {
                text.Append("> ").Append(line).Append('\n');
            }

            text.Append("— ").Append(Citation(passages[i])).Append('\n');
        }

        return text.ToString().Trim();
    }

    /// <summary>The plain-text citation, with the article title linked when its address is known.</summary>
    private static string Citation(AnswerPassage passage)
    {
        var citation = AnswerTextRenderer.Citation(passage);
        var url = passage.Source.Url;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !citation.StartsWith(passage.Source.Title, StringComparison.Ordinal) || passage.Source.Title.Length == 0)
        {
            return citation;
        }

        return "[" + passage.Source.Title.Replace("]", ")", StringComparison.Ordinal) + "](" + uri.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal) + ")"
            + citation[passage.Source.Title.Length..];
    }

    private static string TrimAtWord(string text, int keep) => TextCut.TrimAtWord(text, keep);

    internal static string Truncate(string text, int maxLength) => TextCut.Truncate(text.Trim(), maxLength);
}

using SkinBot.Core.Feedback;

namespace SkinBot.Discord.Rendering;

/// <summary>
/// A vote button carries the answer and the vote in <c>custom_id</c> ("fb:up:0123…"), so a press needs no
/// server-side state. Pressed ids come back from the client and are untrusted: anything else is refused.
/// </summary>
internal static class VoteCustomId
{
    private const string Prefix = "fb:";

    public static string Create(AnswerId answer, Vote vote) => $"{Prefix}{vote.ToName()}:{answer.Value}";

    public static (AnswerId Answer, Vote Vote)? TryParse(string? customId)
    {
        if (customId is null || customId.Length > DiscordLimits.CustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = customId[Prefix.Length..].Split(':');
        return parts.Length == 2 && VoteNames.TryParse(parts[0], out var vote) && AnswerId.TryParse(parts[1], out var answer)
            ? (answer.Value, vote)
            : null;
    }

    /// <summary>The 👍 / 👎 row of a substantive answer SkinBot recorded; none on notices and go-to-care replies.</summary>
    public static ActionRow? Row(Core.Answers.Answer answer) =>
        answer.Id is { } id && answer.IsSubstantive && !answer.IsUrgent
            ? new ActionRow([new Button("👍 Helpful", Create(id, Vote.Up)), new Button("👎 Not helpful", Create(id, Vote.Down))])
            : null;
}

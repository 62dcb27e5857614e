namespace SkinBot.Discord.Rendering;

/// <summary>
/// A follow-up button carries its question in <c>custom_id</c> ("fu:How are boxcar scars treated?"), so a press
/// needs no server-side state and survives restarts. Pressed ids come back from the client and are untrusted.
/// </summary>
internal static class FollowUpCustomId
{
    private const string Prefix = "fu:";

    public const int MaxQuestionLength = DiscordLimits.CustomId - 3;

    public static string? TryCreate(string question)
    {
        var trimmed = question.Trim();
        return trimmed.Length is > 0 and <= MaxQuestionLength ? Prefix + trimmed : null;
    }

    public static string? TryParse(string? customId)
    {
        if (customId is null || customId.Length > DiscordLimits.CustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var question = new string([.. customId[Prefix.Length..].Where(c => !char.IsControl(c))]).Trim();
        return question.Length > 0 ? question : null;
    }
}

using SkinBot.Core.Text;

namespace SkinBot.Discord.Rendering;

/// <summary>Cuts text into message-sized pieces at paragraph, line or word boundaries, never mid-word when avoidable.</summary>
internal static class ContentSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength = DiscordLimits.ContentLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 10);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            // Without a break to use, the cut still falls between characters: never inside an emoji or a flag.
            var cut = LastBreak(rest, maxLength, "\n\n") ?? LastBreak(rest, maxLength, "\n") ?? LastBreak(rest, maxLength, " ") ?? TextCut.Boundary(rest, maxLength);

            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int? LastBreak(string text, int maxLength, string separator)
    {
        var index = text.LastIndexOf(separator, maxLength - 1, maxLength, StringComparison.Ordinal);
        // A break in the first half would leave a tiny piece; prefer a finer separator then.
        return index > maxLength / 2 ? index : null;
    }
}

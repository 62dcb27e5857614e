using System.Text.RegularExpressions;

namespace SkinBot.Core.Text;

/// <summary>
/// Cuts a message into its sentences: after a full stop, question or exclamation mark followed by a space, and at line
/// breaks, each sentence keeping its own mark ("is that normal?"). A mark inside a word is no end ("1.5mm", "0.5ml").
/// Coarser than <see cref="ClauseSplitter"/>, which also cuts at commas and chatty joints.
/// </summary>
public static partial class Sentences
{
    /// <summary>The sentences of <paramref name="text"/>, trimmed, empty ones left out.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Ends().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];
    }

    [GeneratedRegex(@"(?<=[?!.\n])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex Ends();
}

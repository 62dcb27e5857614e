using System.Text.RegularExpressions;

namespace SkinBot.Core.Text;

/// <summary>
/// Cuts a message into its sentences: at full stops, question and exclamation marks and line breaks, which is where a
/// person who names a thing first goes on to speak of it as "it". Coarser than <see cref="ClauseSplitter"/>, which also
/// cuts at commas and chatty joints.
/// </summary>
public static partial class Sentences
{
    /// <summary>The sentences of <paramref name="text"/>, trimmed, empty ones left out.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Ends().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];
    }

    // A run of marks ends one sentence ("?!", "..."), so no empty sentences come out between them.
    [GeneratedRegex(@"[.!?\n]+", RegexOptions.CultureInvariant)]
    private static partial Regex Ends();
}

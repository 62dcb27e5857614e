using System.Text.RegularExpressions;

namespace SkinBot.Core.Text;

/// <summary>
/// Cuts a message into the clauses a person strings together: at sentence and clause punctuation, markup left over
/// from chat, and the chatty joints ("but", "bc", "tbh", "lol", "anyway") that run two thoughts into one line. A
/// worried message often hides one short, serious clause among several about skin; read whole, the skin words
/// outweigh it.
/// </summary>
public static partial class ClauseSplitter
{
    /// <summary>The clauses of <paramref name="text"/>, trimmed, that have at least <paramref name="minimumWords"/> words.</summary>
    public static IReadOnlyList<string> Split(string text, int minimumWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<string>();
        foreach (var piece in Joints().Split(text))
        {
            var clause = piece.Trim();
            if (clause.Length > 0 && WordCount(clause) >= minimumWords)
            {
                clauses.Add(clause);
            }
        }

        return clauses;
    }

    /// <summary>Pieces between spaces that hold more than whitespace, counted without splitting the string.</summary>
    private static int WordCount(string clause)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in clause)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord && !char.IsWhiteSpace(c))
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    // No match timeout, unlike a pattern that could run away: a character class and literal words cannot backtrack
    // more than once per character, and the timeout's per-call setup cost more than the split on every message.
    [GeneratedRegex(@"[.!?;:\n,()|>*_~""]+|\s(?:but|bc|because|cause|tbh|ngl|lol|lmao|anyway|anyways|also|and then|so)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joints();
}

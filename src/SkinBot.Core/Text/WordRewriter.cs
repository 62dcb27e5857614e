using System.Text;

namespace SkinBot.Core.Text;

/// <summary>Replaces whole words (case-insensitively) by other words, leaving everything else as written.</summary>
public sealed class WordRewriter(IReadOnlyDictionary<string, string> replacements)
{
    public static WordRewriter None { get; } = new(new Dictionary<string, string>());

    public string Rewrite(string text)
    {
        if (replacements.Count == 0)
        {
            return text;
        }

        StringBuilder? output = null;
        var lookup = replacements is Dictionary<string, string> dictionary ? dictionary.GetAlternateLookup<ReadOnlySpan<char>>() : default;
        Span<char> lower = stackalloc char[32];
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            if (word.Length > lower.Length)
            {
                continue;
            }

            var length = word.ToLowerInvariant(lower);
            var found = lookup.Dictionary is not null
                ? lookup.TryGetValue(lower[..length], out var replacement)
                : replacements.TryGetValue(lower[..length].ToString(), out replacement);
            if (found)
            {
                output ??= new StringBuilder(text.Length);
                output.Append(text, copied, start - copied).Append(replacement);
                copied = i;
            }
        }

        return output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }
}

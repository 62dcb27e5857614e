using System.Text;
using System.Text.RegularExpressions;

namespace SkinBot.Core.Text;

/// <summary>Replaces whole words or phrases (case-insensitively) by other words, leaving everything else as written.</summary>
public sealed partial class WordRewriter
{
    private readonly IReadOnlyDictionary<string, string> _replacements;
    private readonly IReadOnlyDictionary<string, string> _phrases;
    private readonly Regex? _phrasePattern;

    /// <param name="replacements">
    /// Lower-case words, or phrases of several words ("peel it off"), each with what it is read as. A phrase is matched
    /// whole, with any spacing and case, before single words are.
    /// </param>
    public WordRewriter(IReadOnlyDictionary<string, string> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        _replacements = replacements.Where(r => !r.Key.Contains(' ', StringComparison.Ordinal)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        _phrases = replacements.Where(r => r.Key.Contains(' ', StringComparison.Ordinal))
            .ToDictionary(r => string.Join(' ', r.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries)), r => r.Value, StringComparer.OrdinalIgnoreCase);
        if (_phrases.Count > 0)
        {
            // Longest first, so "peel it off" wins over a shorter phrase it contains.
            var alternatives = _phrases.Keys.OrderByDescending(k => k.Length).Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape)));
            _phrasePattern = new Regex($@"\b(?:{string.Join('|', alternatives)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    public static WordRewriter None { get; } = new(new Dictionary<string, string>());

    public string Rewrite(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_phrasePattern is not null)
        {
            text = _phrasePattern.Replace(text, match => _phrases[WhiteSpace().Replace(match.Value, " ")]);
        }

        return RewriteWords(text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private string RewriteWords(string text)
    {
        var replacements = _replacements;
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
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            // Digits belong to the word, so "b4" is a word of its own and "co2" is not "co" followed by a number.
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
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

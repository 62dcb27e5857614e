using System.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// Words spelt to slip past platform filters ("su1c1de", "self h@rm", "k!ll mys3lf", "3v3ry0n3", "s u i c i d e", "d.i.e")
/// read as the words they disguise, and sentences written backwards ("eid ot tnaw i") read forwards. On TikTok, Instagram and Discord people learn to write the words a filter would catch this
/// way, and the screen's phrases are written plainly. Like <see cref="SafetyRespelling"/>, this is a second reading: the
/// message as written is always screened too, so decoding can add a sign but never hide one. A word is decoded only into
/// a word the screen's phrases use: Arabizi writes letters as digits too ("da7k" is laughter), and reading those as
/// stand-ins would turn its words, and the idioms that cancel a sign, into nonsense.
/// </summary>
public sealed class DisguisedSpelling
{
    /// <summary>Fewest single letters in a row, spaced out, read as one word ("d i e"); two would join "i a".</summary>
    private const int MinimumSpacedLetters = 3;

    /// <summary>
    /// Fewest spaced letters read as several words ("i w a n t t o d i e"): a run that short ("i a m") is too easily
    /// initials or a list to be cut into words.
    /// </summary>
    private const int MinimumSpacedSentence = 6;

    /// <summary>Longest run cut into words; longer runs of single letters are not a sentence anyone typed letter by letter.</summary>
    private const int MaximumSpacedSentence = 80;

    /// <summary>Longest word a spaced-out run is cut into.</summary>
    private const int MaximumWordLength = 24;

    /// <summary>The letter each stand-in character usually replaces inside a word.</summary>
    private static readonly Dictionary<char, char> StandIns = new()
    {
        ['0'] = 'o',
        ['1'] = 'i',
        ['3'] = 'e',
        ['4'] = 'a',
        ['5'] = 's',
        ['7'] = 't',
        ['@'] = 'a',
        ['$'] = 's',
        ['!'] = 'i',
        ['|'] = 'i',
    };

    /// <summary>Characters put between the letters of a word to break it up ("d.i.e", "s-h").</summary>
    private const string Breaks = ".-_";

    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    private readonly List<string> _prefixes = [];

    /// <param name="phrases">The screen's phrases as written in the data (a word ending in * is a prefix).</param>
    public DisguisedSpelling(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        // Each piece once: the catalogs' phrases repeat their words ("i", "my", "want", "pills") many times over.
        foreach (var written in phrases.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal))
        {
            if (written.EndsWith('*'))
            {
                _prefixes.AddRange(Text.SurfaceWords.Of(written[..^1]).TakeLast(1));
            }
            else
            {
                _words.UnionWith(Text.SurfaceWords.Of(written));
            }
        }
    }

    /// <summary>The text with disguised words written plainly, or null when nothing in it is disguised.</summary>
    public string? Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        var decoded = new List<string>(tokens.Length);
        foreach (var token in tokens)
        {
            var plain = (WithoutStandIns(token) ?? WithoutBreaks(token)) is { } candidate && IsPhraseWord(candidate) ? candidate : null;
            changed |= plain is not null;
            decoded.Add(plain ?? token);
        }

        var joined = JoinSpacedLetters(decoded, AsPhraseWords);
        changed |= joined.Count != decoded.Count;
        var result = string.Join(' ', joined);
        if (!HoldsAWordWrittenBackwards(joined))
        {
            return changed ? result : null;
        }

        // Sentence by sentence: "thanks for the spf tips. second thing: thginot rof nalp a evah i" turns only its
        // second half round.
        var sentences = Text.Sentences.Of(result);
        var read = new List<string>(sentences.Count);
        var backwards = false;
        foreach (var sentence in sentences)
        {
            var forwards = ReadsBackwards(sentence);
            backwards |= forwards is not null;
            read.Add(forwards ?? sentence);
        }

        return backwards ? string.Join(' ', read) : changed ? result : null;
    }

    /// <summary>Short words common in what people write; reading backwards turns a sentence of them into letters.</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "im", "the", "and", "to", "you", "it", "is", "not", "dont", "want", "be", "my", "me", "this", "do", "of", "that",
        "here", "anymore", "tonight", "gonna", "going", "can", "cant", "all", "no", "just", "what", "with", "have", "for",
    };

    /// <summary>
    /// The common words of three letters or more, written backwards ("eht", "tnod"): a message holding none of them is not
    /// written backwards, so most messages are never cut into sentences and turned round.
    /// </summary>
    private static readonly HashSet<string> ReversedCommonWords = new(
        CommonWords.Where(word => word.Length >= 3).Select(word => new string([.. word.Reverse()])), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a token, without the punctuation around it, is a common word written backwards; allocates nothing.</summary>
    private static bool HoldsAWordWrittenBackwards(List<string> tokens)
    {
        var lookup = ReversedCommonWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in tokens)
        {
            if (lookup.Contains(token.AsSpan().Trim(".,!?:;'\"()*")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fewest common words the text must hold when read backwards before it counts as written backwards.</summary>
    private const int MinimumCommonWordsBackwards = 3;

    /// <summary>
    /// "eromyna ereh eb ot tnaw tnod i": a sentence written backwards so a filter or a passer-by does not read it. The
    /// sentence read from its end, when that reading holds several common words and the sentence as written almost none.
    /// </summary>
    private static string? ReadsBackwards(string text)
    {
        var backwards = new string([.. text.Reverse()]);
        var backwardsCommon = Text.SurfaceWords.Of(backwards).Count(CommonWords.Contains);
        return backwardsCommon >= MinimumCommonWordsBackwards && Text.SurfaceWords.Of(text).Count(CommonWords.Contains) * 3 < backwardsCommon
            ? backwards
            : null;
    }

    private bool IsPhraseWord(string candidate)
    {
        var word = candidate.ToLowerInvariant();
        return _words.Contains(word) || _prefixes.Exists(prefix => word.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// A word with stand-ins after its first letter ("su1c1de", "h@rm", "k!ll", "d13", "m3"), or one that starts with a
    /// stand-in ("3v3ry0n3", "7h15", "7o"); only a decoding into a word of the screen's phrases counts, so numbers
    /// ("$600", "1st", "4am") are left alone.
    /// </summary>
    private static string? WithoutStandIns(string token)
    {
        var core = token.TrimStart('(', '"', '\'', '*').TrimEnd('.', ',', '?', '!', ':', ';', ')', '"', '\'', '*');
        if (core.Length < 2 || !core.Any(char.IsLetter))
        {
            return null;
        }

        var leadingStandIn = !char.IsLetter(core[0]);
        if (leadingStandIn ? !StandIns.ContainsKey(core[0]) : !core.Skip(1).Any(StandIns.ContainsKey))
        {
            return null;
        }

        var plain = new StringBuilder(core.Length);
        for (var i = 0; i < core.Length; i++)
        {
            plain.Append((i > 0 || leadingStandIn) && StandIns.TryGetValue(core[i], out var letter) ? letter : core[i]);
        }

        return plain.ToString();
    }

    /// <summary>Single letters joined by dots or dashes ("d.i.e", "s.h.") as one word.</summary>
    private static string? WithoutBreaks(string token)
    {
        var core = token.TrimEnd('.', ',', '?', '!');
        var parts = core.Split(Breaks.ToCharArray());
        return parts.Length >= 2 && parts.All(p => p.Length == 1 && char.IsLetter(p[0])) ? string.Concat(parts) : null;
    }

    /// <summary>
    /// Three or more single letters in a row as one word of the screen's phrases ("s u i c i d e"), or six or more as the
    /// words of its phrases they spell one after another ("i w a n t t o d i e" is "i want to die"): people space out a
    /// whole sentence to slip past a filter as readily as one word.
    /// </summary>
    private static List<string> JoinSpacedLetters(List<string> tokens, Func<string, IReadOnlyList<string>?> asPhraseWords)
    {
        var joined = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var end = i;
            while (end < tokens.Count && tokens[end].Length == 1 && char.IsLetter(tokens[end][0]))
            {
                end++;
            }

            if (end - i >= MinimumSpacedLetters && asPhraseWords(string.Concat(tokens.Skip(i).Take(end - i))) is { } words)
            {
                joined.AddRange(words);
                i = end;
            }
            else
            {
                joined.Add(tokens[i]);
                i++;
            }
        }

        return joined;
    }

    /// <summary>
    /// The letters as one word of the screen's phrases, or, when there are enough of them, as the fewest such words they
    /// spell one after another; null when they spell neither.
    /// </summary>
    private IReadOnlyList<string>? AsPhraseWords(string letters)
    {
        if (IsPhraseWord(letters))
        {
            return [letters];
        }

        return letters.Length is >= MinimumSpacedSentence and <= MaximumSpacedSentence ? FewestPhraseWords(letters.ToLowerInvariant()) : null;
    }

    /// <summary>
    /// Cuts the letters into the fewest words of the screen's phrases (a word that starts with one of their prefixes, such
    /// as "suicid*", counts), so "iwanttodie" reads "i want to die" and not as more, shorter pieces.
    /// </summary>
    private List<string>? FewestPhraseWords(string letters)
    {
        // fewest[k]: fewest words covering letters[..k]; from[k]: where the last of them starts.
        var fewest = new int[letters.Length + 1];
        var from = new int[letters.Length + 1];
        Array.Fill(fewest, int.MaxValue);
        fewest[0] = 0;
        for (var end = 1; end <= letters.Length; end++)
        {
            for (var start = Math.Max(0, end - MaximumWordLength); start < end; start++)
            {
                if (fewest[start] != int.MaxValue && fewest[start] + 1 < fewest[end] && IsPhraseWord(letters[start..end]))
                {
                    fewest[end] = fewest[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (fewest[letters.Length] is int.MaxValue or < 2)
        {
            return null;
        }

        var words = new List<string>(fewest[letters.Length]);
        for (var end = letters.Length; end > 0; end = from[end])
        {
            words.Add(letters[from[end]..end]);
        }

        words.Reverse();
        return words;
    }
}

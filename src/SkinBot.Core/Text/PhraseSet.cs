namespace SkinBot.Core.Text;

/// <summary>
/// A set of short phrases matched against <see cref="SurfaceWords"/>. A word ending in <c>*</c> matches any word
/// it starts ("scratch*" matches "scratches" and "scratched"). Phrases are indexed by their first word, so a
/// message costs one lookup per word, whatever the number of phrases.
/// </summary>
public sealed class PhraseSet
{
    /// <summary>Phrases whose first word is a prefix ("scratch*") are indexed by its first two letters.</summary>
    private const int PrefixKeyLength = 2;

    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Phrase>> _byFirstLetters = new(StringComparer.Ordinal);
    private readonly List<Phrase> _shortPrefixFirst = [];
    private readonly Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _byFirstLettersOfWord;

    public PhraseSet(IEnumerable<string> phrases)
    {
        foreach (var text in phrases)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => w.EndsWith('*') ? new PhraseWord(Normalise(w[..^1]), true) : new PhraseWord(Normalise(w), false))
                .Where(w => w.Text.Length > 0)
                .ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            var phrase = new Phrase(text, words);
            Count++;
            if (words[0].IsPrefix && words[0].Text.Length < PrefixKeyLength)
            {
                _shortPrefixFirst.Add(phrase);
            }
            else if (words[0].IsPrefix)
            {
                var key = words[0].Text[..PrefixKeyLength];
                (_byFirstLetters.TryGetValue(key, out var list) ? list : _byFirstLetters[key] = []).Add(phrase);
            }
            else
            {
                (_byFirstWord.TryGetValue(words[0].Text, out var list) ? list : _byFirstWord[words[0].Text] = []).Add(phrase);
            }
        }

        _byFirstLettersOfWord = _byFirstLetters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; }

    /// <summary>Every phrase that occurs, as written in the data, in order of occurrence.</summary>
    /// <param name="words">The message's <see cref="SurfaceWords"/>.</param>
    /// <param name="all">Every occurrence rather than each phrase once.</param>
    public IReadOnlyList<PhraseMatch> Find(IReadOnlyList<string> words, bool all = false)
    {
        List<PhraseMatch>? found = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (_byFirstWord.TryGetValue(words[i], out var candidates))
            {
                Collect(candidates, words, i, all, ref found);
            }

            if (_byFirstLetters.Count > 0 && words[i].Length >= PrefixKeyLength && _byFirstLettersOfWord.TryGetValue(words[i].AsSpan(0, PrefixKeyLength), out var prefixed))
            {
                Collect(prefixed, words, i, all, ref found);
            }

            if (_shortPrefixFirst.Count > 0)
            {
                Collect(_shortPrefixFirst, words, i, all, ref found);
            }
        }

        return found ?? (IReadOnlyList<PhraseMatch>)[];
    }

    public bool Any(IReadOnlyList<string> words) => Find(words).Count > 0;

    private static void Collect(List<Phrase> candidates, IReadOnlyList<string> words, int start, bool all, ref List<PhraseMatch>? found)
    {
        foreach (var phrase in candidates)
        {
            if (phrase.MatchesAt(words, start) && (all || found is null || !found.Exists(f => f.Phrase == phrase.Text)))
            {
                (found ??= []).Add(new PhraseMatch(phrase.Text, start, phrase.Words.Length));
            }
        }
    }

    /// <summary>Data is written the way people type; it is read the way <see cref="SurfaceWords"/> reads messages.</summary>
    private static string Normalise(string word) =>
        string.Concat(word.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    private readonly record struct PhraseWord(string Text, bool IsPrefix)
    {
        public bool Matches(string word) => IsPrefix ? word.StartsWith(Text, StringComparison.Ordinal) : word == Text;
    }

    private sealed record Phrase(string Text, PhraseWord[] Words)
    {
        public bool MatchesAt(IReadOnlyList<string> words, int start)
        {
            if (start + Words.Length > words.Count)
            {
                return false;
            }

            for (var j = 0; j < Words.Length; j++)
            {
                if (!Words[j].Matches(words[start + j]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>One phrase found in a message: its text as written in the data, and where it starts (in words).</summary>
public readonly record struct PhraseMatch(string Phrase, int Start, int Length);

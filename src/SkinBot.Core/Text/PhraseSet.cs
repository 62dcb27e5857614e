namespace SkinBot.Core.Text;

/// <summary>
/// A set of short phrases matched against <see cref="SurfaceWords"/>. A word ending in <c>*</c> matches any word
/// it starts ("scratch*" matches "scratches" and "scratched"). Phrases are stored as a tree of words, so a message
/// costs a few lookups per word however many phrases share a first word ("i", "my" and "no" start thousands).
/// </summary>
public sealed class PhraseSet
{
    private readonly PhraseNode _root = new();

    public PhraseSet(IEnumerable<string> phrases)
    {
        foreach (var text in phrases)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SelectMany(Words)
                .ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            var node = _root;
            foreach (var (word, isPrefix) in words)
            {
                node = isPrefix ? node.PrefixChild(word) : node.ExactChild(word);
            }

            node.AddEnd(new PhraseEnd(text, Count, words.Length));
            Count++;
        }

        _root.Seal();
    }

    public int Count { get; }

    /// <summary>Every phrase that occurs, as written in the data, in order of occurrence (and in data order where several start at one word).</summary>
    /// <param name="words">The message's <see cref="SurfaceWords"/>.</param>
    /// <param name="all">Every occurrence rather than each phrase once.</param>
    public IReadOnlyList<PhraseMatch> Find(IReadOnlyList<string> words, bool all = false)
    {
        List<PhraseEnd>? ends = null;
        List<PhraseMatch>? found = null;
        HashSet<string>? seen = null;
        for (var start = 0; start < words.Count; start++)
        {
            ends?.Clear();
            _root.Collect(words, start, ref ends);
            if (ends is not { Count: > 0 })
            {
                continue;
            }

            if (ends.Count > 1)
            {
                ends.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            }

            foreach (var end in ends)
            {
                // Made only once something is found: most messages match none of a topic's phrases.
                if (all || (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(end.Text))
                {
                    (found ??= []).Add(new PhraseMatch(end.Text, start, end.Length));
                }
            }
        }

        return found ?? (IReadOnlyList<PhraseMatch>)[];
    }

    public bool Any(IReadOnlyList<string> words)
    {
        List<PhraseEnd>? ends = null;
        for (var start = 0; start < words.Count; start++)
        {
            _root.Collect(words, start, ref ends);
            if (ends is { Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Data is written the way people type; it is read the way <see cref="SurfaceWords"/> reads messages.</summary>
    private static string Normalise(string word) =>
        string.Concat(word.Where(SurfaceWords.IsWordCharacter).Select(char.ToLowerInvariant));

    /// <summary>
    /// The words one space-separated piece of a phrase stands for: usually itself, normalised; in Chinese, Japanese
    /// or Thai, each character, as <see cref="SurfaceWords"/> reads a message. A trailing <c>*</c> makes the last a prefix.
    /// </summary>
    private static IEnumerable<(string Text, bool IsPrefix)> Words(string written)
    {
        var isPrefix = written.EndsWith('*');
        var pieces = SurfaceWords.Of(Normalise(isPrefix ? written[..^1] : written));
        for (var i = 0; i < pieces.Count; i++)
        {
            yield return (pieces[i], isPrefix && i == pieces.Count - 1);
        }
    }

    /// <summary>A phrase that ends at a node: its text as written, its place in the data and its length in words.</summary>
    private sealed record PhraseEnd(string Text, int Order, int Length);

    /// <summary>One word of the tree: the words that may follow it, exactly or as a prefix, and the phrases it ends.</summary>
    private sealed class PhraseNode
    {
        /// <summary>Prefix words ("scratch*") are found by their first letters, so a word is not tried against every one.</summary>
        private const int PrefixKeyLength = 2;

        private readonly Dictionary<string, PhraseNode> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PhraseNode> _prefixes = new(StringComparer.Ordinal);
        private readonly List<PhraseEnd> _ends = [];
        private Dictionary<string, (string Prefix, PhraseNode Node)[]> _prefixesByKey = [];
        private Dictionary<string, (string Prefix, PhraseNode Node)[]>.AlternateLookup<ReadOnlySpan<char>> _prefixesByKeyOfWord;
        private (string Prefix, PhraseNode Node)[] _shortPrefixes = [];

        public PhraseNode ExactChild(string word) =>
            _exact.TryGetValue(word, out var child) ? child : _exact[word] = new PhraseNode();

        public PhraseNode PrefixChild(string prefix) =>
            _prefixes.TryGetValue(prefix, out var child) ? child : _prefixes[prefix] = new PhraseNode();

        public void AddEnd(PhraseEnd end) => _ends.Add(end);

        /// <summary>Builds the prefix lookups once every phrase is in.</summary>
        public void Seal()
        {
            _shortPrefixes = [.. _prefixes.Where(p => p.Key.Length < PrefixKeyLength).Select(p => (p.Key, p.Value))];
            _prefixesByKey = _prefixes.Where(p => p.Key.Length >= PrefixKeyLength)
                .GroupBy(p => p.Key[..PrefixKeyLength], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => (p.Key, p.Value)).ToArray(), StringComparer.Ordinal);
            _prefixesByKeyOfWord = _prefixesByKey.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var child in _exact.Values.Concat(_prefixes.Values))
            {
                child.Seal();
            }
        }

        /// <summary>Adds every phrase that runs through this node's words and on through the message from <paramref name="next"/>.</summary>
        /// <param name="next">The message word after this node's.</param>
        public void Collect(IReadOnlyList<string> words, int next, ref List<PhraseEnd>? ends)
        {
            if (_ends.Count > 0)
            {
                (ends ??= []).AddRange(_ends);
            }

            if (next >= words.Count)
            {
                return;
            }

            var word = words[next];
            if (_exact.TryGetValue(word, out var child))
            {
                child.Collect(words, next + 1, ref ends);
            }

            if (_prefixesByKey.Count > 0 && word.Length >= PrefixKeyLength && _prefixesByKeyOfWord.TryGetValue(word.AsSpan(0, PrefixKeyLength), out var keyed))
            {
                CollectPrefixed(keyed, words, next, ref ends);
            }

            if (_shortPrefixes.Length > 0)
            {
                CollectPrefixed(_shortPrefixes, words, next, ref ends);
            }
        }

        private static void CollectPrefixed((string Prefix, PhraseNode Node)[] children, IReadOnlyList<string> words, int next, ref List<PhraseEnd>? ends)
        {
            foreach (var (prefix, node) in children)
            {
                if (words[next].StartsWith(prefix, StringComparison.Ordinal))
                {
                    node.Collect(words, next + 1, ref ends);
                }
            }
        }
    }
}

/// <summary>One phrase found in a message: its text as written in the data, and where it starts (in words).</summary>
public readonly record struct PhraseMatch(string Phrase, int Start, int Length);

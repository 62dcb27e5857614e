using System.Globalization;

namespace SkinBot.Core.Text;

/// <summary>
/// A set of short phrases matched against <see cref="SurfaceWords"/>. A word ending in <c>*</c> matches any word
/// it starts ("scratch*" matches "scratches" and "scratched"); a word that is only <c>#</c> matches a number of two
/// digits or more ("took # of" matches "took 12 of" and "took 30 of", not "took 2 of"). Phrases are stored as a tree
/// of words, so a message costs a few lookups per word however many phrases share a first word ("i", "my" and "no"
/// start thousands).
/// </summary>
public sealed class PhraseSet
{
    /// <summary>
    /// The word <c>#</c> stands for. A message's words never hold it, since <see cref="SurfaceWords"/> drops what is not
    /// a letter, digit or mark, so it can be a key among the words without meeting one.
    /// </summary>
    private const string AnyNumber = "#";

    private readonly PhraseNode _root = new();

    public PhraseSet(IEnumerable<string> phrases)
    {
        // One string per distinct word, shared by every node that reads it: the safety screen's 37,000 phrases use
        // far fewer words than they have nodes, and a phrase's words are read without a string per piece.
        var pool = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<(string Text, bool IsPrefix)>();
        var buffer = new char[64];
        foreach (var text in phrases)
        {
            words.Clear();
            foreach (var range in text.AsSpan().Split(' '))
            {
                var piece = text.AsSpan(range).Trim();
                if (piece is AnyNumber)
                {
                    words.Add((AnyNumber, false));
                }
                else
                {
                    AddWords(piece, words, pool, ref buffer);
                }
            }

            // A phrase of nothing but numbers would go off at every age, price and date.
            if (words.TrueForAll(w => ReferenceEquals(w.Text, AnyNumber)))
            {
                continue;
            }

            var node = _root;
            foreach (var (word, isPrefix) in words)
            {
                node = isPrefix ? node.PrefixChild(word) : node.ExactChild(word);
            }

            node.AddEnd(new PhraseEnd(text, Count, words.Count));
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

    /// <summary>
    /// The words one space-separated piece of a phrase stands for. Data is written the way people type: the piece is
    /// lower-cased and what is not a letter, digit or mark is dropped ("self-harm" reads "selfharm"); then it is split
    /// the way <see cref="SurfaceWords"/> splits a message, so Chinese, Japanese or Thai is read one character at a
    /// time. A trailing <c>*</c> makes the last word a prefix.
    /// </summary>
    /// <param name="buffer">Room for the piece's words, grown when a piece is longer.</param>
    private static void AddWords(ReadOnlySpan<char> written, List<(string Text, bool IsPrefix)> words, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool, ref char[] buffer)
    {
        if (written.IsEmpty)
        {
            return;
        }

        if (buffer.Length < written.Length)
        {
            buffer = new char[written.Length];
        }

        var first = words.Count;
        var isPrefix = written[^1] == '*';
        var length = 0;
        var piece = isPrefix ? written[..^1] : written;
        for (var i = 0; i < piece.Length; i++)
        {
            var c = piece[i];
            if (SurfaceWords.IsIdeographPair(piece[i..]))
            {
                Flush(buffer, ref length, words, pool);
                Flush(piece.Slice(i, 2), words, pool);
                i++;
                continue;
            }

            // Read as SurfaceWords reads a message: an apostrophe is dropped ("can't" is "cant"), any other character
            // that is not part of a word is a break ("a&e" is "a e", "half-term" is "half term"), or the phrase could
            // never match the words a message is split into.
            // Invisible format characters are dropped too, as MessageNormalizer drops them from a message: Persian writes
            // "می‌خوام" with a zero-width non-joiner, which reaches the screen as "میخوام", and a phrase split there could
            // never match it.
            if (c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (!SurfaceWords.IsWordCharacter(c))
            {
                Flush(buffer, ref length, words, pool);
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (SurfaceWords.StandsAlone(lower))
            {
                Flush(buffer, ref length, words, pool);
                Flush([lower], words, pool);
            }
            else
            {
                buffer[length++] = lower;
            }
        }

        Flush(buffer, ref length, words, pool);
        if (isPrefix && words.Count > first)
        {
            words[^1] = (words[^1].Text, true);
        }
    }

    private static void Flush(Span<char> buffer, ref int length, List<(string Text, bool IsPrefix)> words, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool)
    {
        if (length > 0)
        {
            Flush(buffer[..length], words, pool);
            length = 0;
        }
    }

    private static void Flush(ReadOnlySpan<char> word, List<(string Text, bool IsPrefix)> words, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool)
    {
        if (!pool.TryGetValue(word, out var shared))
        {
            shared = word.ToString();
            pool.Set.Add(shared);
        }

        words.Add((shared, false));
    }

    /// <summary>A phrase that ends at a node: its text as written, its place in the data and its length in words.</summary>
    private sealed record PhraseEnd(string Text, int Order, int Length);

    /// <summary>One word of the tree: the words that may follow it, exactly or as a prefix, and the phrases it ends.</summary>
    /// <remarks>
    /// Most of the safety screen's nodes are leaves, and most of the rest have one child, so a node keeps a single
    /// following word in two fields and makes its lookups only when it has something to put in them. Nodes that each
    /// carried two dictionaries, a third for prefixes and a list, empty or not, were 19 of the host's 65 MB of live heap,
    /// and a dictionary for every node with one child still 11 of the catalog's 49 MB once safety-languages.yml reached
    /// 1.9 MB (docs/performance.md, "Start-up and memory").
    /// </remarks>
    private sealed class PhraseNode
    {
        /// <summary>
        /// The one word that follows, while only one does: most nodes with a child have exactly one (a phrase's own next
        /// word, and every character of a Chinese, Japanese or Thai phrase), and a dictionary for each of them was most of
        /// the tree's memory once safety-languages.yml passed 1.5 MB.
        /// </summary>
        private string? _onlyWord;

        private PhraseNode? _onlyChild;

        /// <summary>The words that follow, once there are two or more.</summary>
        private Dictionary<string, PhraseNode>? _exact;

        /// <summary>The child a number takes (<see cref="AnyNumber"/>), found once when sealed rather than looked up per word.</summary>
        private PhraseNode? _anyNumber;

        private PhraseEnd[] _ends = [];

        /// <summary>Words that follow as prefixes ("scratch*"); few nodes have any, so they live apart.</summary>
        private PrefixChildren? _prefixes;

        public PhraseNode ExactChild(string word)
        {
            if (_exact is not null)
            {
                return _exact.TryGetValue(word, out var child) ? child : _exact[word] = new PhraseNode();
            }

            if (_onlyWord is null)
            {
                _onlyWord = word;
                return _onlyChild = new PhraseNode();
            }

            if (string.Equals(_onlyWord, word, StringComparison.Ordinal))
            {
                return _onlyChild!;
            }

            _exact = new(StringComparer.Ordinal) { [_onlyWord] = _onlyChild! };
            _onlyWord = null;
            _onlyChild = null;
            return _exact[word] = new PhraseNode();
        }

        public PhraseNode PrefixChild(string prefix) => (_prefixes ??= new()).Child(prefix);

        /// <summary>Most nodes end one phrase or none, so an array grown by one beats a list with room for four.</summary>
        public void AddEnd(PhraseEnd end)
        {
            var ends = new PhraseEnd[_ends.Length + 1];
            _ends.CopyTo(ends, 0);
            ends[^1] = end;
            _ends = ends;
        }

        /// <summary>Builds the prefix lookups once every phrase is in.</summary>
        public void Seal()
        {
            _prefixes?.Seal();
            if (_onlyChild is not null)
            {
                _anyNumber = _onlyWord == AnyNumber ? _onlyChild : null;
                _onlyChild.Seal();
            }

            if (_exact is not null)
            {
                _anyNumber = _exact.GetValueOrDefault(AnyNumber);

                // Pairs rather than .Values: a dictionary keeps the values view it hands out, one more object per node.
                foreach (var (_, child) in _exact)
                {
                    child.Seal();
                }
            }
        }

        /// <summary>Adds every phrase that runs through this node's words and on through the message from <paramref name="next"/>.</summary>
        /// <param name="next">The message word after this node's.</param>
        public void Collect(IReadOnlyList<string> words, int next, ref List<PhraseEnd>? ends)
        {
            if (_ends.Length > 0)
            {
                (ends ??= []).AddRange(_ends);
            }

            if (next >= words.Count)
            {
                return;
            }

            var word = words[next];
            if (_onlyChild is not null && string.Equals(_onlyWord, word, StringComparison.Ordinal))
            {
                _onlyChild.Collect(words, next + 1, ref ends);
            }
            else if (_exact is not null && _exact.TryGetValue(word, out var child))
            {
                child.Collect(words, next + 1, ref ends);
            }

            if (_anyNumber is not null && IsNumber(word))
            {
                _anyNumber.Collect(words, next + 1, ref ends);
            }

            _prefixes?.Collect(words, next, ref ends);
        }

        /// <summary>
        /// Two digits or more: one digit is a dose, a count of spots or a session ("took 2 of my pills"), where the
        /// amounts that worry ("took 12 of", "like 30") have two.
        /// </summary>
        private static bool IsNumber(string word)
        {
            if (word.Length < 2)
            {
                return false;
            }

            foreach (var c in word)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A node's prefix children: gathered while the tree is built, then filed by their first letters.</summary>
        private sealed class PrefixChildren
        {
            /// <summary>Prefix words ("scratch*") are found by their first letters, so a word is not tried against every one.</summary>
            private const int KeyLength = 2;

            /// <summary>The children while the tree is built; <see cref="Seal"/> files them by first letters and lets this go.</summary>
            private Dictionary<string, PhraseNode>? _building = new(StringComparer.Ordinal);

            private Dictionary<string, (string Prefix, PhraseNode Node)[]>? _byKey;
            private Dictionary<string, (string Prefix, PhraseNode Node)[]>.AlternateLookup<ReadOnlySpan<char>> _byKeyOfWord;
            private (string Prefix, PhraseNode Node)[] _short = [];

            public PhraseNode Child(string prefix)
            {
                var building = _building ?? throw new InvalidOperationException("the phrase tree is sealed");
                return building.TryGetValue(prefix, out var child) ? child : building[prefix] = new PhraseNode();
            }

            public void Seal()
            {
                if (_building is null)
                {
                    return;
                }

                _short = [.. _building.Where(p => p.Key.Length < KeyLength).Select(p => (p.Key, p.Value))];
                var byKey = _building.Where(p => p.Key.Length >= KeyLength)
                    .GroupBy(p => p.Key[..KeyLength], StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => (p.Key, p.Value)).ToArray(), StringComparer.Ordinal);
                if (byKey.Count > 0)
                {
                    _byKey = byKey;
                    _byKeyOfWord = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
                }

                foreach (var (_, child) in _building)
                {
                    child.Seal();
                }

                _building = null;
            }

            public void Collect(IReadOnlyList<string> words, int next, ref List<PhraseEnd>? ends)
            {
                var word = words[next];
                if (_byKey is not null && word.Length >= KeyLength && _byKeyOfWord.TryGetValue(word.AsSpan(0, KeyLength), out var keyed))
                {
                    CollectPrefixed(keyed, words, next, ref ends);
                }

                if (_short.Length > 0)
                {
                    CollectPrefixed(_short, words, next, ref ends);
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
}

/// <summary>One phrase found in a message: its text as written in the data, and where it starts (in words).</summary>
public readonly record struct PhraseMatch(string Phrase, int Start, int Length);

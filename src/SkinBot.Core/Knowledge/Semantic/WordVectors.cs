namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// Static word vectors distilled from a sentence-transformer (see SkinBot.Semantic.Distill), so that a message
/// gets a meaning vector from a dictionary look-up per word instead of a transformer pass.
/// </summary>
public sealed class WordVectors
{
    /// <summary>
    /// SIF smoothing: a word of estimated frequency p weighs a / (a + p). "the" then counts about 3% as much as a
    /// rare word, while "how" and "what", which tell definition from treatment questions, keep about two thirds.
    /// Chosen by measurement (semantic-only accuracy on the dev and real-style sets) over 1e-4 to 1e-2.
    /// </summary>
    public const double DefaultSmoothing = 3e-3;

    /// <summary>
    /// Known words must weigh at least this much together (about one and a half uncommon words): "and those?",
    /// "does it hurt?" or a lone word carry too little meaning to compare, and their vector would otherwise be
    /// scaled up to look as certain as a real question's. Vague questions then keep getting "not sure" replies.
    /// </summary>
    public const float MinimumWeight = 1.5f;

    /// <summary>No table word is longer; a longer word in a message is unknown without a look-up.</summary>
    private const int MaxWordLength = 48;

    private const string ResourceName = "SkinBot.Core.Knowledge.Semantic.word-vectors.bin";
    private static readonly Lazy<WordVectors> EmbeddedTable = new(LoadEmbedded);

    private readonly Dictionary<string, int> _rows;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly sbyte[] _components;
    private readonly float[] _scales;
    private readonly float[] _weights;

    /// <param name="words">One word per row; the first <paramref name="frequencyRanked"/> are ordered most common first.</param>
    /// <param name="components">Row-major int8, <paramref name="dimensions"/> per word; a word's vector is its scale times its row.</param>
    public WordVectors(IReadOnlyList<string> words, sbyte[] components, float[] scales, int dimensions, int frequencyRanked, double smoothing = DefaultSmoothing)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(components.Length, words.Count * dimensions);
        ArgumentOutOfRangeException.ThrowIfNotEqual(scales.Length, words.Count);
        Dimensions = dimensions;
        _components = components;
        _scales = scales;
        _rows = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length <= MaxWordLength)
            {
                _rows.TryAdd(words[i], i);
            }
        }

        _lookup = _rows.GetAlternateLookup<ReadOnlySpan<char>>();

        // Zipf's law turns a frequency rank into an estimated probability; words with no rank (the corpus's own
        // terms, "pockmark", "subcision") are taken as rare and weigh fully.
        var harmonic = Math.Log(Math.Max(frequencyRanked, 1)) + 0.5772;
        _weights = new float[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var probability = i < frequencyRanked ? 1 / ((i + 1) * harmonic) : 0;
            _weights[i] = (float)(smoothing / (smoothing + probability));
        }
    }

    private WordVectors(WordVectors source, float[] weights)
    {
        Dimensions = source.Dimensions;
        _components = source._components;
        _scales = source._scales;
        _rows = source._rows;
        _lookup = source._lookup;
        _weights = weights;
    }

    /// <summary>The table shipped inside SkinBot.Core, read on first use and shared by every knowledge base.</summary>
    public static WordVectors Embedded => EmbeddedTable.Value;

    public int Dimensions { get; }

    public int Count => _weights.Length;

    public bool Contains(string word) => _rows.ContainsKey(word);

    /// <summary>The same table with these words weighing nothing (sharing the vectors, so it costs one float per word).</summary>
    public WordVectors Without(IEnumerable<string> words)
    {
        var kept = (float[])_weights.Clone();
        foreach (var word in words)
        {
            if (_rows.TryGetValue(word, out var row))
            {
                kept[row] = 0;
            }
        }

        return new WordVectors(this, kept);
    }

    /// <summary>
    /// The SIF-weighted mean of the vectors of the text's words, scaled to length 1, into <paramref name="into"/>.
    /// False (and <paramref name="into"/> zero) when the known words weigh less than <see cref="MinimumWeight"/>.
    /// Words are read as <see cref="Text.SurfaceWords"/> reads them, but straight from the text: no string per
    /// word, since this runs for every message.
    /// </summary>
    public bool TryEmbed(ReadOnlySpan<char> text, Span<float> into)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(into.Length, Dimensions);
        into.Clear();
        Span<char> word = stackalloc char[MaxWordLength];
        var length = 0;
        var tooLong = false;
        var weight = 0f;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < word.Length)
                {
                    word[length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    tooLong = true;
                }
            }
            else if (c is '\'' or '’' && length > 0)
            {
                continue;
            }
            else if (length > 0)
            {
                if (!tooLong && _lookup.TryGetValue(word[..length], out var row) && _weights[row] > 0)
                {
                    VectorMath.AddScaled(_components.AsSpan(row * Dimensions, Dimensions), _weights[row] * _scales[row], into);
                    weight += _weights[row];
                }

                length = 0;
                tooLong = false;
            }
        }

        if (weight >= MinimumWeight && VectorMath.Normalise(into))
        {
            return true;
        }

        into.Clear();
        return false;
    }

    private static WordVectors LoadEmbedded()
    {
        using var stream = typeof(WordVectors).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in SkinBot.Core");
        return WordVectorFile.Read(stream);
    }
}

using System.Buffers;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace SkinBot.Core.Safety;

/// <summary>
/// What the crisis model (<see cref="CrisisModel"/>) reads in a text, shared by the trainer and the bot so both see
/// the same evidence: every run of three to five characters (across word boundaries, so "no mor" and "pils" carry
/// what "no more" and "pills" carry), every word and every pair of neighbouring words, each hashed into one of
/// 2^bits buckets. Characters are read folded: lower case, accents dropped ("não" and "nao", "kończyć" and
/// "konczyc" are written both ways), apostrophes gone, and a letter held three or more times cut to two ("sooo").
/// </summary>
public static class CrisisFeatures
{
    public const int ShortestRun = 3;
    public const int LongestRun = 5;

    private const int StackLimit = 512;
    private const uint RunSeed = 0x9E3779B1;
    private const uint WordSeed = 0x85EBCA77;
    private const uint PairSeed = 0xC2B2AE3D;

    /// <summary>Lucene's ASCII folding writes at most this many characters for one ("ǆ" is "dz", "⑴" is "(1)").</summary>
    private const int LongestAsciiFolding = 4;

    /// <summary>Calls <paramref name="sink"/> once per feature of <paramref name="text"/> (a feature seen twice counts twice).</summary>
    public static void Visit<TSink>(ReadOnlySpan<char> text, int bits, ref TSink sink)
        where TSink : struct, ICrisisFeatureSink, allows ref struct
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        var mask = (1u << bits) - 1;
        char[]? asciiInput = null;
        char[]? asciiOutput = null;
        char[]? rented = null;
        try
        {
            // Accents go first, by Lucene's ASCII folding as in ArticleIds (string.Normalize does nothing under
            // invariant globalization): "não" is "nao", "kończyć" "konczyc", "ı" and "İ" are "i", "ß" is "ss".
            var source = text;
            if (!Ascii.IsValid(text))
            {
                asciiInput = ArrayPool<char>.Shared.Rent(text.Length);
                asciiOutput = ArrayPool<char>.Shared.Rent(text.Length * LongestAsciiFolding);
                text.CopyTo(asciiInput);
                source = asciiOutput.AsSpan(0, ASCIIFoldingFilter.FoldToASCII(asciiInput, 0, asciiOutput, 0, text.Length));
            }

            var room = source.Length + 2;
            var buffer = room <= StackLimit ? stackalloc char[StackLimit] : rented = ArrayPool<char>.Shared.Rent(room);
            var folded = buffer[..Fold(source, buffer)];
            for (var length = ShortestRun; length <= LongestRun; length++)
            {
                for (var start = 0; start + length <= folded.Length; start++)
                {
                    sink.Add((int)(Hash(folded.Slice(start, length), RunSeed) & mask));
                }
            }

            // Words sit between single spaces, and a pair is the span from one word's start to the next one's end.
            var previousStart = -1;
            var wordStart = -1;
            for (var i = 0; i < folded.Length; i++)
            {
                if (folded[i] != ' ')
                {
                    if (wordStart < 0)
                    {
                        wordStart = i;
                    }

                    continue;
                }

                if (wordStart >= 0)
                {
                    sink.Add((int)(Hash(folded[wordStart..i], WordSeed) & mask));
                    if (previousStart >= 0)
                    {
                        sink.Add((int)(Hash(folded[previousStart..i], PairSeed) & mask));
                    }

                    previousStart = wordStart;
                    wordStart = -1;
                }
            }
        }
        finally
        {
            foreach (var array in (ReadOnlySpan<char[]?>)[asciiInput, asciiOutput, rented])
            {
                if (array is not null)
                {
                    ArrayPool<char>.Shared.Return(array);
                }
            }
        }
    }

    /// <summary>The text as the features read it (for tests and for reading what the model sees).</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = text.ToCharArray();
        var ascii = new char[(text.Length * LongestAsciiFolding) + 2];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, ascii, 0, input.Length);
        var into = new char[length + 2];
        return new string(into, 0, Fold(ascii.AsSpan(0, length), into));
    }

    /// <summary>
    /// Every feature of the text as its bucket, a repeated one as often as it occurs: for the trainer and for tests.
    /// The bot sums weights as it goes instead (<see cref="Visit"/>), without a list.
    /// </summary>
    public static int[] Buckets(ReadOnlySpan<char> text, int bits)
    {
        var list = new BucketList([]);
        Visit(text, bits, ref list);
        return [.. list.Buckets];
    }

    /// <summary>
    /// Writes the text, already folded to ASCII, into <paramref name="into"/> (at least two longer than the text):
    /// words of letters and digits in lower case, one space before, between and after them. Returns its length.
    /// </summary>
    private static int Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        into[length++] = ' ';
        foreach (var original in text)
        {
            if (original is '\'' or '’')
            {
                continue;
            }

            var c = char.IsLetterOrDigit(original) ? char.ToLowerInvariant(original) : ' ';
            var previous = into[length - 1];
            if (c == ' ' ? previous == ' ' : length >= 2 && c == previous && c == into[length - 2])
            {
                continue;
            }

            into[length++] = c;
        }

        if (into[length - 1] != ' ')
        {
            into[length++] = ' ';
        }

        return length;
    }

    private static uint Hash(ReadOnlySpan<char> span, uint seed)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode, since the trained weights are
        // stored by bucket.
        var hash = 2166136261u ^ seed;
        foreach (var c in span)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}

internal readonly record struct BucketList(List<int> Buckets) : ICrisisFeatureSink
{
    public void Add(int bucket) => Buckets.Add(bucket);
}

/// <summary>Receives the hashed features of a text from <see cref="CrisisFeatures.Visit"/>.</summary>
public interface ICrisisFeatureSink
{
    void Add(int bucket);
}

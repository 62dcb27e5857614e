using System.Runtime.InteropServices;
using System.Text;

namespace SkinBot.Core.Knowledge.Semantic;

/// <summary>
/// The word-vectors artefact (word-vectors.bin), written by SkinBot.Semantic.Distill and read at start-up.
/// Little-endian: the magic "SBWV", version, word count, dimensions and how many leading words are in
/// frequency order; then the words (length-prefixed UTF-8), one float32 scale per word, and each word's
/// components as signed bytes (component = scale × byte). Int8 with a per-word scale keeps the file a quarter
/// of float32 size while losing under 1% of each cosine.
/// </summary>
public static class WordVectorFile
{
    public const int Version = 1;
    private static readonly byte[] Magic = "SBWV"u8.ToArray();

    /// <param name="vectors">One row of <paramref name="dimensions"/> floats per word.</param>
    /// <param name="frequencyRanked">How many leading words are ordered most common first.</param>
    public static void Write(Stream stream, IReadOnlyList<string> words, IReadOnlyList<float[]> vectors, int dimensions, int frequencyRanked)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vectors.Count, words.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(frequencyRanked, words.Count);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(words.Count);
        writer.Write(dimensions);
        writer.Write(frequencyRanked);
        foreach (var word in words)
        {
            writer.Write(word);
        }

        var scales = vectors.Select(v => v.Length == dimensions ? v.Max(MathF.Abs) / 127f : throw new ArgumentException("every vector needs the stated dimensions", nameof(vectors))).ToArray();
        foreach (var scale in scales)
        {
            writer.Write(scale);
        }

        for (var w = 0; w < vectors.Count; w++)
        {
            foreach (var component in vectors[w])
            {
                writer.Write(scales[w] == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(component / scales[w]), -127, 127));
            }
        }
    }

    /// <param name="smoothing">SIF smoothing (see <see cref="WordVectors.DefaultSmoothing"/>).</param>
    public static WordVectors Read(Stream stream, double smoothing = WordVectors.DefaultSmoothing)
    {
        try
        {
            return ReadTable(stream, smoothing);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("word-vectors file is truncated", ex);
        }
    }

    private static WordVectors ReadTable(Stream stream, double smoothing)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a SkinBot word-vectors file (bad magic)");
        }

        var version = reader.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"word-vectors file version {version}; this build reads version {Version}");
        }

        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var ranked = reader.ReadInt32();
        if (count < 0 || dimensions is <= 0 or > 4096 || ranked < 0 || ranked > count)
        {
            throw new InvalidDataException($"word-vectors header out of range (words {count}, dimensions {dimensions}, ranked {ranked})");
        }

        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = reader.ReadString();
        }

        var scales = new float[count];
        for (var i = 0; i < count; i++)
        {
            scales[i] = reader.ReadSingle();
        }

        // Kept as int8: a quarter of the memory of floats, and fewer cache misses per message.
        var components = new sbyte[count * dimensions];
        var bytes = MemoryMarshal.AsBytes(components.AsSpan());
        for (var read = 0; read < bytes.Length;)
        {
            var got = reader.Read(bytes[read..]);
            read += got > 0 ? got : throw new InvalidDataException("word-vectors file is truncated");
        }

        return new WordVectors(words, components, scales, dimensions, ranked, smoothing);
    }
}

using System.Buffers.Binary;
using System.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// The crisis model artefact (crisis-model.bin), written by SkinBot.Safety.Train and read on first use. Little-endian:
/// the magic "SBCM", version, hash bits, bias (float32), then one float16 weight per bucket. Half precision keeps
/// three significant digits, far finer than the gap between a message the model catches and one it does not.
/// </summary>
public static class CrisisModelFile
{
    public const int Version = 1;
    private static readonly byte[] Magic = "SBCM"u8.ToArray();

    public static void Write(Stream stream, int bits, float bias, ReadOnlySpan<float> weights)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, 1 << bits);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(bits);
        writer.Write(bias);
        foreach (var weight in weights)
        {
            writer.Write((Half)weight);
        }
    }

    public static CrisisModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a crisis model file (no SBCM magic)");
        }

        var version = reader.ReadInt32();
        if (version != Version)
        {
            throw new InvalidDataException($"crisis model file version {version}, this build reads {Version}");
        }

        var bits = reader.ReadInt32();
        if (bits is < 8 or > 24)
        {
            throw new InvalidDataException($"crisis model file has {bits} hash bits; 8 to 24 are allowed");
        }

        var bias = reader.ReadSingle();
        var weights = new float[1 << bits];
        var halves = reader.ReadBytes(weights.Length * sizeof(ushort));
        if (halves.Length != weights.Length * sizeof(ushort))
        {
            throw new EndOfStreamException($"crisis model file ends after {halves.Length / sizeof(ushort)} of {weights.Length} weights");
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(halves.AsSpan(i * sizeof(ushort))));
        }

        return new CrisisModel(bits, bias, weights);
    }
}

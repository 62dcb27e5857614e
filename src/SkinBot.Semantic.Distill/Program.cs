using System.Diagnostics;
using System.Security.Cryptography;
using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Semantic.Distill;

// Distils all-MiniLM-L6-v2 into static word vectors for SkinBot's semantic intent index (see README.md).
DistillOptions options;
try
{
    options = DistillOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(DistillOptions.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var (words, ranked) = DistillVocabulary.Build(MiniLmWordEncoder.Vocabulary(), options.RankedWords, options.Repository);
Console.WriteLine($"vocabulary: {words.Count} words ({ranked} ranked by frequency, {words.Count - ranked} from SkinBot's corpus and word list)");

var raw = options.Cache is null ? null : EncodingCache.TryRead(options.Cache, words);
if (raw is null)
{
    using var encoder = new MiniLmWordEncoder();
    raw = encoder.Encode(words, done =>
    {
        if (done % 2048 < 128 || done == words.Count)
        {
            Console.WriteLine($"  encoded {done}/{words.Count} ({clock.Elapsed.TotalSeconds:0}s)");
        }
    });
    if (options.Cache is not null)
    {
        EncodingCache.Write(options.Cache, words, raw);
    }
}
else
{
    Console.WriteLine($"encodings: reused {options.Cache}");
}

var pca = Pca.Fit(raw, options.Dimensions);
Console.WriteLine($"pca: {options.Dimensions} of {raw[0].Length} dimensions keep {pca.ExplainedVariance:P1} of the variance");
var projected = raw.Select(pca.Project).ToList();

Directory.CreateDirectory(Path.GetDirectoryName(options.OutputPath)!);
using (var output = File.Create(options.OutputPath))
{
    WordVectorFile.Write(output, words, projected, options.Dimensions, ranked);
}

var bytes = File.ReadAllBytes(options.OutputPath);
Console.WriteLine($"wrote {options.OutputPath}: {bytes.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}, in {clock.Elapsed.TotalSeconds:0}s");
return 0;

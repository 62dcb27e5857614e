using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Intents;

/// <summary>The word-vectors artefact: what the distiller writes is what the bot reads, and a broken file says so.</summary>
public sealed class WordVectorFileTests
{
    private static MemoryStream Written(IReadOnlyList<string> words, IReadOnlyList<float[]> vectors, int ranked)
    {
        var stream = new MemoryStream();
        WordVectorFile.Write(stream, words, vectors, vectors[0].Length, ranked);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_written_table_reads_back_within_int8_precision()
    {
        string[] words = ["the", "scar", "mark", "laser"];
        float[][] vectors = [[0.5f, -0.25f, 0.1f, 0f], [-1f, 0.3f, 0.7f, 0.2f], [-2f, 0.6f, 1.4f, 0.4f], [0f, 0f, 0f, 0f]];

        var table = WordVectorFile.Read(Written(words, vectors, ranked: 0));

        Assert.Equal(4, table.Dimensions);
        Assert.Equal(4, table.Count);
        Span<float> embedded = stackalloc float[4];
        Assert.True(table.TryEmbed("scar mark", embedded));
        var expected = vectors[1].Select(v => v / MathF.Sqrt(vectors[1].Sum(x => x * x))).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], embedded[i], 0.01f);
        }

        // An all-zero vector carries no direction: the words are known but embed nothing.
        Assert.True(table.Contains("laser"));
        Assert.False(table.TryEmbed("laser laser", embedded));
        Assert.True(embedded.ToArray().All(c => c == 0));
    }

    [Fact]
    public void A_file_that_is_not_word_vectors_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => WordVectorFile.Read(new MemoryStream("not a vector file"u8.ToArray())));
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var bytes = Written(["scar", "laser"], [[1f, 2f], [3f, 4f]], ranked: 0).ToArray();

        Assert.Throws<InvalidDataException>(() => WordVectorFile.Read(new MemoryStream(bytes[..^1])));
        Assert.Throws<InvalidDataException>(() => WordVectorFile.Read(new MemoryStream(bytes[..24])));
    }

    [Fact]
    public void The_shipped_table_loads_with_the_words_skinbot_needs()
    {
        var table = WordVectors.Embedded;

        Assert.Equal(192, table.Dimensions);
        Assert.InRange(table.Count, 10_000, 20_000);
        Assert.All(["the", "scar", "scars", "pockmark", "pockmarks", "subcision", "microneedling", "dermatologist", "cream"], w => Assert.True(table.Contains(w), w));
    }

    [Fact]
    public void Frequent_words_weigh_less_than_rare_ones()
    {
        var table = WordVectors.Embedded;
        Span<float> plain = stackalloc float[table.Dimensions];
        Span<float> padded = stackalloc float[table.Dimensions];
        Span<float> other = stackalloc float[table.Dimensions];
        Assert.True(table.TryEmbed("laser clinic", plain));
        Assert.True(table.TryEmbed("The LASER of the clinic, and a ...", padded));
        Assert.True(table.TryEmbed("cheap creams", other));

        Assert.True(Dot(plain, padded) > 0.95f, "\"the\", \"of\", \"and\" and \"a\" hardly move the meaning");
        Assert.True(Dot(plain, other) < Dot(plain, padded));
    }

    [Fact]
    public void A_lone_word_or_only_common_words_are_too_little_to_embed()
    {
        var table = WordVectors.Embedded;
        Span<float> embedded = stackalloc float[table.Dimensions];

        Assert.False(table.TryEmbed("laser", embedded));
        Assert.False(table.TryEmbed("the of and is it", embedded));
        Assert.True(table.TryEmbed("laser clinic", embedded));
    }

    [Theory]
    [InlineData("Don't pick at it")]
    [InlineData("I’m 27 and my CO2-laser session's tomorrow")]
    [InlineData("'quoted' words, ÉCLAT café; x1000 ... 'tis")]
    [InlineData("what\tabout\nnew-lines?")]
    public void Words_are_read_as_surface_words_are(string text)
    {
        var table = WordVectors.Embedded;
        Span<float> direct = stackalloc float[table.Dimensions];
        Span<float> viaSurfaceWords = stackalloc float[table.Dimensions];

        table.TryEmbed(text, direct);
        table.TryEmbed(string.Join(' ', SurfaceWords.Of(text)), viaSurfaceWords);

        Assert.True(direct.SequenceEqual(viaSurfaceWords));
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}

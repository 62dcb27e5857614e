using SkinBot.Core.Safety;

namespace SkinBot.Core.Tests.Safety;

public sealed class CrisisModelTests
{
    /// <summary>A model that finds exactly the texts holding "xq" (each of its runs weighs heavily) and nothing else.</summary>
    private static CrisisModel Marker()
    {
        var weights = Enumerable.Repeat(-1f, 1 << 12).ToArray();
        foreach (var bucket in CrisisFeatures.Buckets("xq", 12))
        {
            weights[bucket] = 40f;
        }

        return new CrisisModel(12, 0f, weights);
    }

    [Fact]
    public void The_shipped_model_loads_and_reads_a_plain_crisis_as_one_and_a_plain_question_as_not()
    {
        var model = CrisisModel.Embedded;
        Assert.Equal(20, model.Bits);
        var crisis = model.Probability("i dont want to be here anymore");
        var question = model.Probability("how much does subcision cost for rolling scars");
        Assert.True(crisis >= CrisisModelTuning.Default.Threshold, $"crisis read as {crisis}");
        Assert.True(question < 0.1, $"question read as {question}");
    }

    [Fact]
    public void A_reading_that_talks_about_pockmarks_must_reach_the_higher_bar_and_another_clause_still_can_fire()
    {
        var model = Marker();
        static double Bar(string reading) => reading.Contains("dents", StringComparison.Ordinal) ? 1.01 : 0.5;

        // The only crisis-like reading talks about dents, and no probability reaches a bar above 1.
        Assert.Null(model.Find("xq dents on my cheeks", ["xq dents on my cheeks"], 0.5, Bar));

        // A clause of its own that says it is still found beside the skin question.
        var match = model.Find("dents on my cheeks xq, xq tonight", ["dents on my cheeks xq", "xq tonight"], 0.5, Bar);
        Assert.NotNull(match);
        Assert.Equal("xq tonight", match.Text);
    }

    [Fact]
    public void One_pass_gives_the_crisis_reading_or_else_the_likeliest_reading_past_the_near_miss_bar()
    {
        var model = Marker();
        static double Bar(string reading) => reading.Contains("dents", StringComparison.Ordinal) ? 1.01 : 0.5;

        // Held back by the higher bar, the same reading is a near miss.
        var held = model.Read("xq dents on my cheeks", ["xq dents on my cheeks"], 0.5, Bar, nearThreshold: 0.5);
        Assert.Null(held.Found);
        Assert.Equal("xq dents on my cheeks", held.Near?.Text);

        // A reading that passes its bar is found even when a likelier one was held back, and then there is no near miss.
        var found = model.Read("dents xq, xq tonight", ["dents xq", "xq tonight"], 0.5, Bar, nearThreshold: 0.5);
        Assert.Equal("xq tonight", found.Found?.Text);
        Assert.Null(found.Near);

        // Under the near-miss bar there is neither.
        var neither = model.Read("rolling scars on both cheeks", ["rolling scars on both cheeks"], 0.5, Bar, nearThreshold: 0.5);
        Assert.Equal(default, neither);
    }

    [Fact]
    public void A_long_message_is_read_clause_by_clause_and_the_clause_that_reads_as_a_crisis_is_named()
    {
        var model = Marker();
        const string text = "rolling scars on both cheeks, tried retinol for months and saved up a bit, xq here, which laser";
        var clauses = new[] { "rolling scars on both cheeks", "tried retinol for months and saved up a bit", "xq here", "which laser" };

        var match = model.Find(text, clauses, 0.5);

        Assert.NotNull(match);
        Assert.Equal("xq here", match.Text);
        Assert.Null(model.Find("rolling scars on both cheeks", ["rolling scars on both cheeks"], 0.5));
    }

    [Fact]
    public void Nothing_under_the_threshold_is_a_match()
    {
        var model = CrisisModel.Embedded;
        const string text = "i dont want to be here anymore";
        var probability = model.Probability(text);
        Assert.NotNull(model.Find(text, [text], probability));
        Assert.Null(model.Find(text, [text], Math.BitIncrement(probability)));
    }

    [Fact]
    public void The_file_keeps_the_weights_to_half_precision_and_refuses_what_it_cannot_read()
    {
        var weights = Enumerable.Range(0, 256).Select(i => (i - 128) / 37f).ToArray();
        using var file = new MemoryStream();
        CrisisModelFile.Write(file, 8, 0.25f, weights);

        file.Position = 0;
        var read = CrisisModelFile.Read(file);

        Assert.Equal(8, read.Bits);
        Assert.Equal(0.25f, read.Bias);
        Assert.All(Enumerable.Range(0, 256), i => Assert.Equal(weights[i], read.Weights[i], 0.002f));
        Assert.Throws<InvalidDataException>(() => CrisisModelFile.Read(new MemoryStream("SBWV"u8.ToArray())));
        var bytes = file.ToArray();
        bytes[4] = 9;
        Assert.Throws<InvalidDataException>(() => CrisisModelFile.Read(new MemoryStream(bytes)));
        Assert.ThrowsAny<EndOfStreamException>(() => CrisisModelFile.Read(new MemoryStream(file.ToArray()[..100])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrisisModel(30, 0f, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CrisisModel(8, 0f, new float[255]));
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Core.Evaluation;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Knowledge.Semantic;
using SkinBot.Core.Text;

namespace SkinBot.Benchmarks;

/// <summary>
/// <c>--semantic</c>: what the static-vector intent index, the crisis screen by meaning and the crisis model cost. Loading the shipped vectors (once per process),
/// embedding the intent examples (once per knowledge base), one <c>Classify</c> per message, and whole answers
/// with the index on and off, since the engine's budget is per answer.
/// </summary>
public static class SemanticCommand
{
    private const int Messages = 1000;
    private const int AnswerRounds = 30;

    public static async Task RunAsync()
    {
        var culture = CultureInfo.InvariantCulture;
        var root = BenchmarkCorpus.RepositoryRoot();
        var texts = new[] { "questions", "dev-questions", "real-style" }
            .SelectMany(f => EvalSet.Parse(File.ReadAllText(Path.Combine(root, "tests", "eval", $"{f}.yml")), f).Questions)
            .Select(q => q.Text)
            .ToArray();

        var start = Stopwatch.GetTimestamp();
        var vectors = WordVectors.Embedded;
        var load = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(string.Create(culture, $"load vectors:     {load.TotalMilliseconds:0.0} ms ({vectors.Count} words x {vectors.Dimensions})"));

        using var on = await BenchmarkCorpus.BuildAsync(BenchmarkCorpus.RealCorpus);
        using var off = await BenchmarkCorpus.BuildAsync(BenchmarkCorpus.RealCorpus, new EngineOptions { SemanticIntents = false });
        start = Stopwatch.GetTimestamp();
        var index = new StaticVectorIntentIndex(vectors, on.Intents.File.Intents, on.Intents.File.IgnoreWords);
        Console.WriteLine(string.Create(culture, $"embed examples:   {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0.0} ms ({index.ExampleCount} examples)"));

        for (var warmup = 0; warmup < 3 * Messages; warmup++)
        {
            index.Classify(texts[warmup % texts.Length]);
        }

        var samples = new double[Messages];
        for (var i = 0; i < Messages; i++)
        {
            var text = texts[i % texts.Length];
            start = Stopwatch.GetTimestamp();
            index.Classify(text);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Console.WriteLine($"classify:         {Percentiles(samples)} over {Messages} messages");
        Console.WriteLine($"safety signs:     {Percentiles(TimeEach(texts, text => on.Safety.Screen(text)))}");
        if (on.CrisisLikeness is { } likeness)
        {
            Console.WriteLine($"crisis by meaning: {Percentiles(TimeEach(texts, text => likeness.Find(text)))} ({likeness.CrisisExampleCount} crisis examples, {likeness.LookAlikeCount} look-alike clauses)");
        }

        if (on.CrisisModel is { } model)
        {
            var tuning = on.CrisisModelTuning;
            Console.WriteLine($"crisis by model:  {Percentiles(TimeEach(texts, text => model.Find(text, ClauseSplitter.Split(text, tuning.MinimumClauseWords), tuning.Threshold)))} (2^{model.Bits} weights)");
        }

        Console.WriteLine($"answer, semantic: {Percentiles(await AnswerTimesAsync(on, texts))}");
        Console.WriteLine($"answer, without:  {Percentiles(await AnswerTimesAsync(off, texts))}");
    }

    /// <summary>Each call timed on its own, after three warm-up rounds, over <see cref="Messages"/> messages.</summary>
    private static double[] TimeEach(string[] texts, Action<string> call)
    {
        for (var warmup = 0; warmup < 3 * Messages; warmup++)
        {
            call(texts[warmup % texts.Length]);
        }

        var samples = new double[Messages];
        for (var i = 0; i < Messages; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call(texts[i % texts.Length]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return samples;
    }

    private static async Task<double[]> AnswerTimesAsync(KnowledgeBase knowledge, string[] texts)
    {
        // The holder would dispose the knowledge base with it; the caller owns it, so the holder is not disposed.
        var holder = new KnowledgeBaseHolder();
        holder.Swap(knowledge);
        // Without the answer memo, as in the latency command: the rounds repeat the same messages.
        var options = Options.Create(new EngineOptions { AnswerMemoCapacity = SkinBotBenchEnvironment.MemoCapacity });
        var engine = new ChatEngine(holder, new InMemoryConversationStore(options, TimeProvider.System), options, TimeProvider.System);
        var requests = texts.Select((t, i) => new ChatRequest(Platforms.Cli, $"bench-{i}", "bench", t)).ToArray();
        foreach (var request in requests.Concat(requests).Concat(requests))
        {
            await engine.AnswerAsync(request, CancellationToken.None);
        }

        var samples = new List<double>(requests.Length * AnswerRounds);
        for (var round = 0; round < AnswerRounds; round++)
        {
            foreach (var request in requests)
            {
                var start = Stopwatch.GetTimestamp();
                await engine.AnswerAsync(request, CancellationToken.None);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return [.. samples];
    }

    private static string Percentiles(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):0.000} ms, p90 {At(0.9):0.000} ms, p99 {At(0.99):0.000} ms, mean {sorted.Average():0.000} ms");
    }
}

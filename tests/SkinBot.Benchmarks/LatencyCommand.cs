using System.Diagnostics;
using System.Globalization;

namespace SkinBot.Benchmarks;

/// <summary>
/// <c>--latency</c>: times every single answer (each eval question many times, after warm-up) and prints the
/// median, p90, p99 and max per answer: BenchmarkDotNet reports means per batch, not tail latency per answer.
/// </summary>
public static class LatencyCommand
{
    public static async Task RunAsync(int rounds, string evalFile = "questions.yml")
    {
        var (engine, holder, requests) = await EngineFixture.CreateAsync(evalFile);
        using (holder)
        {
            // Enough warm-up rounds for tiered JIT to promote the hot path.
            for (var warmup = 0; warmup < 20; warmup++)
            {
                foreach (var request in requests)
                {
                    await engine.AnswerAsync(request, CancellationToken.None);
                }
            }

            var samples = new List<double>(requests.Length * rounds);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var request in requests)
                {
                    var start = Stopwatch.GetTimestamp();
                    await engine.AnswerAsync(request, CancellationToken.None);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            // Allocation per answer is the one figure here that run-to-run noise does not move, so it shows small changes the
            // timings cannot; the samples list was sized up front and adds nothing to it.
            var allocatedPerAnswer = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)samples.Count;
            if (Environment.GetEnvironmentVariable("SKINBOT_BENCH_SLOWEST") is not null)
            {
                var perQuestion = requests.Select((r, i) => (r.Text, Ms: Enumerable.Range(0, rounds).Select(k => samples[(k * requests.Length) + i]).Order().ElementAt(rounds / 2)));
                foreach (var (text, ms) in perQuestion.OrderByDescending(p => p.Ms).Take(8))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ms:0.000} ms  {text[..Math.Min(70, text.Length)]}"));
                }
            }

            samples.Sort();
            double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Floor(q * samples.Count))];
            var culture = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(culture, $"answers: {samples.Count} ({requests.Length} questions x {rounds} rounds)"));
            Console.WriteLine(string.Create(culture, $"median:  {At(0.5):0.000} ms"));
            Console.WriteLine(string.Create(culture, $"p90:     {At(0.9):0.000} ms"));
            Console.WriteLine(string.Create(culture, $"p99:     {At(0.99):0.000} ms"));
            Console.WriteLine(string.Create(culture, $"max:     {samples[^1]:0.000} ms"));
            Console.WriteLine(string.Create(culture, $"alloc:   {allocatedPerAnswer / 1024:0.0} KB per answer"));
        }
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Core.Engine;
using SkinBot.Core.Evaluation;
using SkinBot.Core.Knowledge;

namespace SkinBot.Benchmarks;

/// <summary>Engine answer time over the labelled eval questions (one operation = one question).</summary>
[MemoryDiagnoser]
public class EngineAnswerBenchmark
{
    private ChatEngine _engine = null!;
    private ChatRequest[] _requests = [];
    private KnowledgeBaseHolder _holder = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_engine, _holder, _requests) = EngineFixture.CreateAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _holder.Dispose();

    [Benchmark(OperationsPerInvoke = 160)]
    public async Task AnswerEvalQuestions()
    {
        for (var i = 0; i < 160; i++)
        {
            await _engine.AnswerAsync(_requests[i % _requests.Length], CancellationToken.None);
        }
    }
}

/// <summary>The real engine over the real corpus, and one request per eval question.</summary>
public static class EngineFixture
{
    /// <param name="evalFile">An eval set under tests/eval whose messages are the requests (questions.yml by default).</param>
    public static async Task<(ChatEngine Engine, KnowledgeBaseHolder Holder, ChatRequest[] Requests)> CreateAsync(string evalFile = "questions.yml")
    {
        var holder = new KnowledgeBaseHolder();
        holder.Swap(await BenchmarkCorpus.BuildAsync(BenchmarkCorpus.RealCorpus));
        // No answer memo: every round repeats the same questions, and the memo would answer all but the first from
        // memory. These figures are the cost of understanding a message; docs/performance.md has the memo's separately.
        var options = Options.Create(new EngineOptions { AnswerMemoCapacity = SkinBotBenchEnvironment.MemoCapacity });
        var engine = new ChatEngine(holder, new InMemoryConversationStore(options, TimeProvider.System), options, TimeProvider.System);
        var file = Path.Combine(BenchmarkCorpus.RepositoryRoot(), "tests", "eval", evalFile);
        var set = EvalSet.Parse(await File.ReadAllTextAsync(file), file);
        var requests = set.Questions.Select((q, i) => new ChatRequest(Platforms.Cli, $"bench-{i}", "bench", q.Text)).ToArray();
        return (engine, holder, requests);
    }
}

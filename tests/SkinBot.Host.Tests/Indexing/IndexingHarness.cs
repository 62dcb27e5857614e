using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Turns;
using SkinBot.Host.Indexing;
using SkinBot.Testing;

namespace SkinBot.Host.Tests.Indexing;

/// <summary>
/// The indexing worker over a private copy of the corpus, wired as the host wires it, with every swap recorded
/// so a test can wait for the next one instead of sleeping.
/// </summary>
internal sealed class IndexingHarness : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<KnowledgeBase> _swaps = [];
    private readonly List<(int Count, TaskCompletionSource<KnowledgeBase> Done)> _waiters = [];
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public IndexingHarness(TimeSpan? debounce = null, bool watch = true, TimeProvider? time = null, bool persisted = false)
    {
        Holder.Swapped += OnSwapped;
        Metrics = new IndexMetrics(MeterFactory);
        Options = new EngineOptions
        {
            WatchCorpus = watch,
            WatchDebounce = debounce ?? TimeSpan.FromMilliseconds(50),
            InMemoryIndex = !persisted,
        };
        Indexer = new CorpusIndexer(
            KnowledgeBases.Builder(persisted ? Corpus.IndexRoot : null, Logs),
            Holder,
            Corpus.Layout,
            Metrics,
            Logs.For<CorpusIndexer>());
        Worker = new IndexingWorker(Indexer, Microsoft.Extensions.Options.Options.Create(Options), time ?? TimeProvider.System, Logs.For<IndexingWorker>());
    }

    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(30);

    public TempCorpus Corpus { get; } = new();

    public LogCapture Logs { get; } = new();

    public KnowledgeBaseHolder Holder { get; } = new();

    public IMeterFactory MeterFactory => _meters.GetRequiredService<IMeterFactory>();

    public IndexMetrics Metrics { get; }

    public EngineOptions Options { get; }

    public CorpusIndexer Indexer { get; }

    public IndexingWorker Worker { get; }

    public int SwapCount
    {
        get
        {
            lock (_gate)
            {
                return _swaps.Count;
            }
        }
    }

    public ChatEngine Engine() => KnowledgeBases.Engine(Holder);

    /// <summary>The turn pipeline around <see cref="Engine"/>, as every door runs it (without the host's limits).</summary>
    public TurnRunner Turns() => new([], Engine(), TimeProvider.System);

    public Task StartAsync() => Worker.StartAsync(CancellationToken.None);

    /// <summary>Completes when the <paramref name="count"/>-th swap (1-based) has happened.</summary>
    public Task<KnowledgeBase> SwapAsync(int count)
    {
        lock (_gate)
        {
            if (_swaps.Count >= count)
            {
                return Task.FromResult(_swaps[count - 1]);
            }

            var done = new TaskCompletionSource<KnowledgeBase>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return WithPatience(done.Task, $"swap number {count}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        Holder.Dispose();
        await _meters.DisposeAsync();
        Logs.Dispose();
        Corpus.Dispose();
    }

    private async Task<KnowledgeBase> WithPatience(Task<KnowledgeBase> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} within {Patience}. Logged:\n{string.Join('\n', Logs.Entries)}");
        }
    }

    private void OnSwapped(KnowledgeBase knowledge)
    {
        lock (_gate)
        {
            _swaps.Add(knowledge);
            foreach (var waiter in _waiters.Where(w => w.Count <= _swaps.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(_swaps[waiter.Count - 1]);
            }
        }
    }
}

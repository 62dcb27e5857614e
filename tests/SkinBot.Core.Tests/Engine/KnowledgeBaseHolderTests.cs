using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Engine;

/// <summary>Leases and swaps: an answer in flight keeps its index; a retired index is disposed once nobody holds it.</summary>
public sealed class KnowledgeBaseHolderTests
{
    private static Task<KnowledgeBase> BuildAsync() => KnowledgeBases.BuildAsync(RepositoryRoot.Corpus);

    private static bool IsUsable(KnowledgeBase knowledge)
    {
        try
        {
            return knowledge.Index.Search(knowledge.Analyzer.Terms("subcision"), null, 1).Count == 1;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    [Fact]
    public void Acquire_before_the_first_build_throws_and_TryAcquire_returns_null()
    {
        using var holder = new KnowledgeBaseHolder();

        Assert.False(holder.IsReady);
        Assert.Null(holder.Fingerprint);
        Assert.Empty(holder.Treatments);
        Assert.Null(holder.TryAcquire());
        Assert.Throws<KnowledgeNotReadyException>(() => holder.Acquire());
    }

    [Fact]
    public async Task After_a_swap_the_holder_serves_the_new_base()
    {
        using var holder = new KnowledgeBaseHolder();
        KnowledgeBase? announced = null;
        holder.Swapped += k => announced = k;
        var knowledge = await BuildAsync();

        holder.Swap(knowledge);

        Assert.True(holder.IsReady);
        Assert.Equal(knowledge.Fingerprint, holder.Fingerprint);
        Assert.Same(knowledge, announced);
        Assert.NotEmpty(holder.Treatments);
        using var lease = holder.Acquire();
        Assert.Same(knowledge, lease.Knowledge);
    }

    [Fact]
    public async Task A_swap_while_a_lease_is_held_keeps_the_old_base_usable_until_it_is_released()
    {
        using var holder = new KnowledgeBaseHolder();
        var old = await BuildAsync();
        var next = await BuildAsync();
        holder.Swap(old);

        var lease = holder.Acquire();
        holder.Swap(next);

        Assert.Same(old, lease.Knowledge);
        Assert.True(IsUsable(old));
        using (var fresh = holder.Acquire())
        {
            Assert.Same(next, fresh.Knowledge);
        }

        lease.Dispose();

        Assert.False(IsUsable(old));
        Assert.True(IsUsable(next));
    }

    [Fact]
    public async Task A_swap_with_no_lease_held_disposes_the_old_base_at_once()
    {
        using var holder = new KnowledgeBaseHolder();
        var old = await BuildAsync();
        holder.Swap(old);

        holder.Swap(await BuildAsync());

        Assert.False(IsUsable(old));
    }

    [Fact]
    public async Task Disposing_a_lease_twice_releases_it_once()
    {
        using var holder = new KnowledgeBaseHolder();
        var old = await BuildAsync();
        holder.Swap(old);
        var first = holder.Acquire();
        var second = holder.Acquire();
        holder.Swap(await BuildAsync());

        first.Dispose();
        first.Dispose();

        Assert.True(IsUsable(old));
        second.Dispose();
        Assert.False(IsUsable(old));
    }

    [Fact]
    public async Task Disposing_the_holder_disposes_the_serving_base_once_its_leases_are_returned()
    {
        var holder = new KnowledgeBaseHolder();
        var knowledge = await BuildAsync();
        holder.Swap(knowledge);
        var lease = holder.Acquire();

        holder.Dispose();

        Assert.False(holder.IsReady);
        Assert.Null(holder.TryAcquire());
        Assert.True(IsUsable(knowledge));
        lease.Dispose();
        Assert.False(IsUsable(knowledge));
    }

    [Fact]
    public async Task Answers_during_concurrent_swaps_never_see_a_disposed_index()
    {
        using var holder = new KnowledgeBaseHolder();
        var bases = new List<KnowledgeBase>();
        for (var i = 0; i < 3; i++)
        {
            bases.Add(await BuildAsync());
        }

        holder.Swap(bases[0]);
        var engine = KnowledgeBases.Engine(holder);
        var answered = new int[4];
        var stop = 0;

        // Dedicated threads, so the readers cannot starve the thread pool this test waits on.
        var readers = Enumerable.Range(0, answered.Length).Select(r => Task.Factory.StartNew(
            async () =>
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    var answer = await engine.AnswerAsync(new SkinBot.Core.Chat.ChatRequest("t", $"c{r}", "u", "what is subcision?"), CancellationToken.None);
                    Assert.Equal("Subcision", answer.Passages[0].LeadTerm);
                    Interlocked.Increment(ref answered[r]);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToList();

        async Task EveryReaderAnswersAgainAsync()
        {
            var before = answered.Select((_, r) => Volatile.Read(ref answered[r])).ToArray();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (Enumerable.Range(0, answered.Length).Any(r => Volatile.Read(ref answered[r]) < before[r] + 5))
            {
                Assert.True(DateTime.UtcNow < deadline, "the readers stopped answering");
                Assert.DoesNotContain(readers, t => t.IsFaulted);
                await Task.Delay(1);
            }
        }

        await EveryReaderAnswersAgainAsync();
        foreach (var next in bases.Skip(1))
        {
            holder.Swap(next);
            await EveryReaderAnswersAgainAsync();
        }

        Interlocked.Exchange(ref stop, 1);
        await Task.WhenAll(readers);

        Assert.False(IsUsable(bases[0]));
        Assert.False(IsUsable(bases[1]));
        Assert.True(IsUsable(bases[2]));
    }
}

using SkinBot.Core.State;

namespace SkinBot.Core.Tests.State;

public sealed class KeyedWorkQueueTests
{
    [Fact]
    public void Only_the_first_item_of_an_idle_key_asks_to_be_scheduled_and_items_come_out_in_arrival_order()
    {
        var queue = new KeyedWorkQueue<string, int>();

        Assert.True(queue.TryAdd("chat-a", 1, capacity: 10, out var first));
        Assert.True(queue.TryAdd("chat-a", 2, capacity: 10, out var second));
        Assert.True(queue.TryAdd("chat-b", 3, capacity: 10, out var otherKey));

        Assert.True(first);
        Assert.False(second);
        Assert.True(otherKey);
        Assert.Equal(1, queue.Next("chat-a"));
        Assert.True(queue.Complete("chat-a"));
        Assert.Equal(2, queue.Next("chat-a"));
        Assert.False(queue.Complete("chat-a"));
        Assert.True(queue.TryAdd("chat-a", 4, capacity: 10, out var again));
        Assert.True(again);
    }

    [Fact]
    public void Items_being_worked_count_against_the_capacity_until_completed()
    {
        var queue = new KeyedWorkQueue<string, int>();
        queue.TryAdd("a", 1, capacity: 2, out _);
        queue.TryAdd("b", 2, capacity: 2, out _);
        _ = queue.Next("a");

        Assert.False(queue.TryAdd("c", 3, capacity: 2, out var scheduled));
        Assert.False(scheduled);
        queue.Complete("a");
        Assert.True(queue.TryAdd("c", 3, capacity: 2, out _));
        Assert.Equal(2, queue.Pending);
    }

    [Fact]
    public async Task Waiting_for_idle_ends_when_the_last_pending_item_completes()
    {
        var queue = new KeyedWorkQueue<string, int>();
        await queue.WhenIdleAsync(CancellationToken.None);
        queue.TryAdd("a", 1, capacity: 5, out _);
        queue.TryAdd("a", 2, capacity: 5, out _);

        var idle = queue.WhenIdleAsync(CancellationToken.None);
        queue.Complete("a");
        Assert.False(idle.IsCompleted);
        queue.Complete("a");

        await idle.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Concurrent_workers_never_hold_one_key_and_every_item_is_worked_once_in_order()
    {
        var queue = new KeyedWorkQueue<int, int>();
        var worked = new System.Collections.Concurrent.ConcurrentDictionary<int, List<int>>();
        var holders = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var overlaps = 0;

        async Task WorkAsync(int key)
        {
            do
            {
                if (holders.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                var item = queue.Next(key);
                await Task.Yield();
                lock (worked)
                {
                    worked.GetOrAdd(key, _ => []).Add(item);
                }

                holders.AddOrUpdate(key, 0, (_, n) => n - 1);
            }
            while (queue.Complete(key));
        }

        var running = new List<Task>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(producer => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                var key = i % 7;
                lock (running)
                {
                    if (queue.TryAdd(key, (producer * 1000) + i, int.MaxValue, out var schedule) && schedule)
                    {
                        running.Add(Task.Run(() => WorkAsync(key)));
                    }
                }
            }
        })));
        await queue.WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Task[] all;
        lock (running)
        {
            all = [.. running];
        }

        await Task.WhenAll(all);
        Assert.Equal(0, overlaps);
        Assert.Equal(1000, worked.Values.Sum(items => items.Count));
        Assert.All(worked.Values, items => Assert.All(items.GroupBy(item => item / 1000), fromOneProducer => Assert.Equal(fromOneProducer.Order(), fromOneProducer)));
    }
}

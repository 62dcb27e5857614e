using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkinBot.Core.Conversations;
using SkinBot.Core.Engine;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>The default follow-up memory: expires, and stays bounded however many people talk.</summary>
public sealed class InMemoryConversationStoreTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    private InMemoryConversationStore Store(int max = 100, int windowMinutes = 15) =>
        new(Options.Create(new EngineOptions { MaxConversations = max, FollowUpWindow = TimeSpan.FromMinutes(windowMinutes) }), _time);

    private ConversationContext Context(string intent = "scar_types") => new(intent, "boxcar", _time.GetUtcNow());

    [Fact]
    public async Task A_remembered_context_is_returned_within_the_window_and_forgotten_after_it()
    {
        var store = Store();
        await store.SetAsync("k", Context(), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal("scar_types", (await store.GetAsync("k", CancellationToken.None))?.Intent);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(await store.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task Setting_again_replaces_the_context()
    {
        var store = Store();
        await store.SetAsync("k", Context("scar_types"), CancellationToken.None);
        await store.SetAsync("k", Context("prevention"), CancellationToken.None);

        Assert.Equal("prevention", (await store.GetAsync("k", CancellationToken.None))?.Intent);
    }

    [Fact]
    public async Task Keys_are_case_sensitive_and_separate()
    {
        var store = Store();
        await store.SetAsync("discord:c:U1", Context(), CancellationToken.None);

        Assert.Null(await store.GetAsync("discord:c:u1", CancellationToken.None));
    }

    [Fact]
    public async Task Memory_stays_bounded_and_keeps_the_newest_conversations()
    {
        var store = Store(max: 100);
        for (var i = 0; i < 1_000; i++)
        {
            await store.SetAsync($"user-{i}", Context(), CancellationToken.None);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var remembered = 0;
        for (var i = 0; i < 1_000; i++)
        {
            remembered += await store.GetAsync($"user-{i}", CancellationToken.None) is null ? 0 : 1;
        }

        Assert.InRange(remembered, 1, 100);
        Assert.NotNull(await store.GetAsync("user-999", CancellationToken.None));
        Assert.Null(await store.GetAsync("user-0", CancellationToken.None));
    }

    [Fact]
    public async Task Evicting_while_many_threads_store_new_conversations_never_throws_and_stays_bounded()
    {
        // Big enough that a snapshot of the dictionary takes long enough for another thread to add to it meanwhile.
        const int max = 20_000, perWorker = 40_000;
        var store = Store(max);
        var workers = Enumerable.Range(0, Math.Max(4, Environment.ProcessorCount * 2)).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                await store.SetAsync($"conversation-{worker}-{i}", Context(), CancellationToken.None);
            }
        }));

        await Task.WhenAll(workers);

        // Bounded by the limit plus what other threads stored while one was evicting.
        var remembered = 0;
        for (var worker = 0; worker < Math.Max(4, Environment.ProcessorCount * 2); worker++)
        {
            for (var i = 0; i < perWorker; i++)
            {
                remembered += await store.GetAsync($"conversation-{worker}-{i}", CancellationToken.None) is null ? 0 : 1;
            }
        }

        Assert.InRange(remembered, 1, max + 1_000);
    }
}

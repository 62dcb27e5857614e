using System.Collections.Concurrent;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;

namespace SkinBot.Testing.Fakes;

/// <summary>
/// The engine every adapter and host test stands on: answers with <see cref="Respond"/> (each suite scripts the answers
/// its assertions read), records every request, and imitates the real engine's faults: slow (<see cref="Gate"/>,
/// <see cref="Hold"/>), slow while holding its thread before its first await as the real engine's synchronous work does
/// (<see cref="Block"/>), or broken (a <see cref="Respond"/> that throws).
/// </summary>
public sealed class FakeChatEngine(Func<ChatRequest, Answer> respond) : IChatEngine
{
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    /// <summary>The longest a test may block an engine thread, so a failing test does not hang.</summary>
    public static TimeSpan BlockingCap { get; } = TimeSpan.FromSeconds(6);

    /// <summary>Every request that reached the engine, in arrival order.</summary>
    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    public Func<ChatRequest, Answer> Respond { get; set; } = respond;

    /// <summary>When set, every answer waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, each answer first waits for the task it returns for its request (null: no wait).</summary>
    public Func<ChatRequest, CancellationToken, Task?>? Hold { get; set; }

    /// <summary>When set, runs on the answering thread before the first await and may block it, as synchronous work would.</summary>
    public Action<ChatRequest, CancellationToken>? Block { get; set; }

    public async ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        _arrivals.Release();
        Block?.Invoke(request, cancellationToken);
        if (Hold?.Invoke(request, cancellationToken) is { } held)
        {
            await held.WaitAsync(cancellationToken);
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Respond(request);
    }

    /// <summary>Waits until at least <paramref name="count"/> requests reached the engine.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (_requests.Count < count)
        {
            await _arrivals.WaitAsync(cancellation.Token);
        }
    }
}

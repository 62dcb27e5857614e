using SkinBot.Core.Answers;
using SkinBot.Core.Chat;

namespace SkinBot.Core.Turns;

/// <summary>
/// One engine call on a thread-pool thread. The engine does its work synchronously before its first await, so called
/// inline it would hold the caller until it was done, and no typing indicator or deadline could start in the meantime.
/// A pool work item rather than a thread of its own: a turn costs no thread creation.
/// </summary>
internal sealed class EngineCall : TaskCompletionSource<Answer>
{
    private readonly IChatEngine _engine;
    private readonly ChatRequest _request;
    private readonly CancellationToken _cancellationToken;

    private EngineCall(IChatEngine engine, ChatRequest request, CancellationToken cancellationToken)
    {
        _engine = engine;
        _request = request;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Queues the call (carrying the caller's logging scope and trace) and returns its answer to come.</summary>
    public static Task<Answer> Start(IChatEngine engine, ChatRequest request, CancellationToken cancellationToken)
    {
        var call = new EngineCall(engine, request, cancellationToken);
        ThreadPool.QueueUserWorkItem(static call => _ = call.RunAsync(), call, preferLocal: false);
        return call.Task;
    }

    /// <summary>Never faults: the outcome, whatever it is, goes to <see cref="TaskCompletionSource{TResult}.Task"/>.</summary>
    private async Task RunAsync()
    {
        try
        {
            TrySetResult(await _engine.AnswerAsync(_request, _cancellationToken));
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            TrySetCanceled(_cancellationToken);
        }
        catch (Exception exception)
        {
            TrySetException(exception);
        }
    }
}

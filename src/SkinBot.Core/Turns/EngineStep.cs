using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Turns;

/// <summary>
/// The last step of every turn, and the only place the engine is called from a door: off the calling thread, with the
/// platform's slow-answer callback and deadline, and with the not-yet-loaded index turned into its outcome.
/// </summary>
internal sealed class EngineStep(IChatEngine engine, TimeProvider time)
{
    private static readonly TurnResult NotReady = new TurnResult.NotReady(TurnNotices.NotReady);

    public async ValueTask<TurnResult> RunAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var options = turn.Options;
        var started = time.GetTimestamp();
        using var giveUp = options.Deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answering = EngineCall.Start(engine, turn.Request, giveUp?.Token ?? cancellationToken);
        try
        {
            return new TurnResult.Answered(await WaitForAnswerAsync(answering, options, started, cancellationToken));
        }
        catch (KnowledgeNotReadyException)
        {
            return NotReady;
        }
        catch (TimeoutException) when (giveUp is not null)
        {
            // Past the deadline nobody will read the answer: stop the engine working on it.
            await giveUp.CancelAsync();
            throw;
        }
    }

    private async ValueTask<Answer> WaitForAnswerAsync(Task<Answer> answering, TurnOptions options, long started, CancellationToken cancellationToken)
    {
        // WaitAsync and not a bare await: an engine that ignores its token cannot hold the turn past its deadline or shutdown.
        if (options.OnSlow is not { } onSlow || answering.IsCompleted || options.SlowAfter >= (options.Deadline ?? TimeSpan.MaxValue))
        {
            return await answering.WaitAsync(Remaining(options, started), time, cancellationToken);
        }

        try
        {
            return await answering.WaitAsync(options.SlowAfter, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Slow: the platform shows typing or defers, below, while the engine carries on.
        }

        var slow = onSlow(cancellationToken);
        try
        {
            var answer = await answering.WaitAsync(Remaining(options, started), time, cancellationToken);
            await slow;
            return answer;
        }
        catch
        {
            // Whatever went wrong, the callback has finished before the platform hears of it, so what it sends next
            // (an apology, the edit of a deferred reply) cannot overtake it.
            await slow.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    private TimeSpan Remaining(TurnOptions options, long started) => options.Deadline is { } deadline
        ? TimeSpan.FromTicks(Math.Max(0, (deadline - time.GetElapsedTime(started)).Ticks))
        : Timeout.InfiniteTimeSpan;
}

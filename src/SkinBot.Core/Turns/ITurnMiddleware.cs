namespace SkinBot.Core.Turns;

/// <summary>The rest of the pipeline after a middleware: the next middleware, and at the end the engine.</summary>
public delegate ValueTask<TurnResult> TurnDelegate(TurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// One step of the turn pipeline, in Bot Builder's shape: it may act before and after the rest of the pipeline (<see cref="TurnDelegate"/>), or
/// answer the turn itself without calling it (a limit refusing a message).
/// </summary>
public interface ITurnMiddleware
{
    ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken);
}

using SkinBot.Core.Chat;

namespace SkinBot.Core.Turns;

/// <summary>
/// The turn pipeline, composed once: the typed command is read, then each middleware runs in the order given (the first
/// is outermost), then the engine, off the calling thread. Composition is the host's: it passes the middleware it wants.
/// </summary>
public sealed class TurnRunner : ITurnRunner
{
    private readonly TurnDelegate _pipeline;

    public TurnRunner(IEnumerable<ITurnMiddleware> middleware, IChatEngine engine, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(time);

        TurnDelegate pipeline = new EngineStep(engine, time).RunAsync;
        foreach (var step in middleware.Reverse())
        {
            var next = pipeline;
            pipeline = (turn, cancellationToken) => step.OnTurnAsync(turn, next, cancellationToken);
        }

        _pipeline = pipeline;
    }

    public ValueTask<TurnResult> RunAsync(ChatRequest request, TurnOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _pipeline(new TurnContext(TurnRequests.Resolve(request), options), cancellationToken);
    }
}

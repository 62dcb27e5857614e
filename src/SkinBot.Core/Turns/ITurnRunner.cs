using SkinBot.Core.Chat;

namespace SkinBot.Core.Turns;

/// <summary>
/// The one call every door ends in: a decoded request in, what became of it out. Adapters decode, run, and render the
/// <see cref="TurnResult"/>; they do not re-check what the pipeline decided.
/// </summary>
public interface ITurnRunner
{
    /// <summary>
    /// Runs the turn. Throws what the engine threw (the adapter's last-chance handler apologises), and
    /// <see cref="TimeoutException"/> past <see cref="TurnOptions.Deadline"/>.
    /// </summary>
    ValueTask<TurnResult> RunAsync(ChatRequest request, TurnOptions options, CancellationToken cancellationToken);
}

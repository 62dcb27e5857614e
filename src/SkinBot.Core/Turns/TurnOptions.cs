namespace SkinBot.Core.Turns;

/// <summary>How a platform wants its turn run: what to do when the answer is slow, and when to stop waiting.</summary>
public readonly record struct TurnOptions
{
    /// <summary>No slow-answer callback and no deadline (the web chat, the CLI).</summary>
    public static TurnOptions None => default;

    /// <summary>
    /// Called once when the engine has not answered after <see cref="SlowAfter"/>: show typing, or defer a Discord
    /// interaction. The turn's result is returned only after it has completed, so nothing the platform sends next can
    /// overtake it; a callback that must not hold the turn starts its work and returns.
    /// </summary>
    public Func<CancellationToken, Task>? OnSlow { get; init; }

    public TimeSpan SlowAfter { get; init; }

    /// <summary>
    /// When set, the runner stops waiting for the engine this long after the turn started, cancels it, and throws
    /// <see cref="TimeoutException"/>; an engine that ignores its token cannot hold the turn past it.
    /// </summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>Runs <paramref name="onSlow"/> when the answer takes longer than <paramref name="after"/>.</summary>
    public static TurnOptions WhenSlow(TimeSpan after, Func<CancellationToken, Task> onSlow) => new() { SlowAfter = after, OnSlow = onSlow };

    /// <summary>Gives up on the engine after <paramref name="deadline"/>.</summary>
    public static TurnOptions Within(TimeSpan deadline) => new() { Deadline = deadline };
}

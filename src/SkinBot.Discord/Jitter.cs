namespace SkinBot.Discord;

/// <summary>Exponential backoff with jitter, shared by gateway reconnects and REST retries.</summary>
internal static class Jitter
{
    /// <summary>A random point between half and all of initial × 2^(n-1), capped at <paramref name="max"/>; zero before the first failure.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan initial, TimeSpan max)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var exponential = initial.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}

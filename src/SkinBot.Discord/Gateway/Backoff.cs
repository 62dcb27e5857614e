namespace SkinBot.Discord.Gateway;

/// <summary>Exponential backoff with jitter: a random point between half and all of initial × 2^(n-1), capped.</summary>
internal static class Backoff
{
    public static TimeSpan For(int failures, TimeSpan initial, TimeSpan max)
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

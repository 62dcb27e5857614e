using Microsoft.Extensions.Options;
using SkinBot.Teams.Activities;

namespace SkinBot.Teams.Tests;

public sealed class DeduplicatorTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 3, 4, 15, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static ActivityDeduplicator Create(int capacity, TimeSpan window, TimeProvider time) =>
        new(Options.Create(new TeamsOptions { DedupeCapacity = capacity, DedupeWindow = window }), time);

    [Fact]
    public void A_pair_is_claimed_once()
    {
        var dedupe = Create(100, TimeSpan.FromMinutes(30), new ManualTime());

        Assert.True(dedupe.TryClaim("1", "conv"));
        Assert.False(dedupe.TryClaim("1", "conv"));
        Assert.True(dedupe.TryClaim("1", "other"));
    }

    [Fact]
    public void Memory_stays_bounded_by_capacity()
    {
        var dedupe = Create(50, TimeSpan.FromHours(1), new ManualTime());

        for (var i = 0; i < 1000; i++)
        {
            dedupe.TryClaim(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "conv");
        }

        Assert.InRange(dedupe.Count, 1, 50);
    }

    [Fact]
    public void Old_entries_age_out_after_the_window()
    {
        var time = new ManualTime();
        var dedupe = Create(100, TimeSpan.FromMinutes(30), time);
        dedupe.TryClaim("1", "conv");

        time.Now += TimeSpan.FromMinutes(31);

        Assert.True(dedupe.TryClaim("1", "conv"));
    }

    [Fact]
    public void A_released_claim_can_be_claimed_again()
    {
        var dedupe = Create(100, TimeSpan.FromMinutes(30), new ManualTime());
        dedupe.TryClaim("1", "conv");

        dedupe.Release("1", "conv");

        Assert.True(dedupe.TryClaim("1", "conv"));
    }
}

using Microsoft.Extensions.Options;
using SkinBot.Core.State;

namespace SkinBot.Core.Tests.State;

public sealed class InMemoryDeliveryLedgerTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static InMemoryDeliveryLedger Create(int capacity, TimeSpan window, TimeProvider time) =>
        new(Options.Create(new DeliveryLedgerOptions { Capacity = capacity, Window = window }), time);

    [Fact]
    public async Task A_delivery_is_claimed_once()
    {
        var ledger = Create(100, TimeSpan.FromMinutes(30), new ManualTime());

        Assert.True(await ledger.TryClaimAsync(DeliveryKey.Discord(42), CancellationToken.None));
        Assert.False(await ledger.TryClaimAsync(DeliveryKey.Discord(42), CancellationToken.None));
    }

    [Fact]
    public async Task The_same_id_on_another_platform_or_conversation_is_another_delivery()
    {
        var ledger = Create(100, TimeSpan.FromMinutes(30), new ManualTime());

        Assert.True(await ledger.TryClaimAsync(DeliveryKey.Teams("1", "a"), CancellationToken.None));
        Assert.True(await ledger.TryClaimAsync(DeliveryKey.Teams("1", "b"), CancellationToken.None));
        Assert.True(await ledger.TryClaimAsync(new DeliveryKey("discord", "1"), CancellationToken.None));
    }

    [Fact]
    public void Memory_stays_bounded_by_capacity()
    {
        var ledger = Create(50, TimeSpan.FromHours(1), new ManualTime());

        for (ulong i = 0; i < 1000; i++)
        {
            ledger.TryClaim(DeliveryKey.Discord(i));
        }

        Assert.InRange(ledger.Count, 1, 50);
    }

    [Fact]
    public void A_claim_ages_out_after_the_window()
    {
        var time = new ManualTime();
        var ledger = Create(100, TimeSpan.FromMinutes(30), time);
        ledger.TryClaim(DeliveryKey.Discord(1));

        time.Now += TimeSpan.FromMinutes(31);

        Assert.True(ledger.TryClaim(DeliveryKey.Discord(1)));
    }

    [Fact]
    public async Task A_released_claim_can_be_claimed_again()
    {
        var ledger = Create(100, TimeSpan.FromMinutes(30), new ManualTime());
        await ledger.TryClaimAsync(DeliveryKey.Discord(7), CancellationToken.None);

        await ledger.ReleaseAsync(DeliveryKey.Discord(7), CancellationToken.None);

        Assert.True(await ledger.TryClaimAsync(DeliveryKey.Discord(7), CancellationToken.None));
    }
}

using System.ComponentModel.DataAnnotations;

namespace SkinBot.Core.State;

/// <summary>How long and how many deliveries the ledger remembers.</summary>
public sealed class DeliveryLedgerOptions
{
    public const string Section = "Deliveries";

    /// <summary>Longer than any platform redelivers (Teams retries within minutes; a RESUME replays seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Bounds the in-memory ledger; the oldest claims are forgotten first.</summary>
    [Range(16, 10_000_000)]
    public int Capacity { get; set; } = 100_000;
}

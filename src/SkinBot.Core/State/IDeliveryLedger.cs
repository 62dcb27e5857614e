namespace SkinBot.Core.State;

/// <summary>
/// "Already answered": the one place every adapter asks before answering, so an event delivered twice (a RESUME
/// replay, a Teams redelivery, the same event reaching two replicas) is answered once. The in-memory ledger serves
/// one process; a shared one (Redis) serves every replica.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>True for the first claim of <paramref name="key"/> within the ledger's window; false for a repeat.</summary>
    ValueTask<bool> TryClaimAsync(DeliveryKey key, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose work could not be accepted, so the platform's redelivery is answered.</summary>
    ValueTask ReleaseAsync(DeliveryKey key, CancellationToken cancellationToken);
}

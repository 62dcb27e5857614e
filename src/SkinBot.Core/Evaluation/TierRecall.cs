namespace SkinBot.Core.Evaluation;

/// <summary>How many messages of one safety tier got exactly that tier's reply, and how many got another urgent tier.</summary>
/// <param name="Tier">The tier's wire name.</param>
/// <param name="Expected">Labelled messages of the tier.</param>
/// <param name="RightTier">Answered with that tier.</param>
/// <param name="AnyUrgent">Answered with some go-to-care reply (right tier or not).</param>
public sealed record TierRecall(string Tier, int Expected, int RightTier, int AnyUrgent)
{
    public double Recall => Expected == 0 ? 1.0 : RightTier / (double)Expected;
}

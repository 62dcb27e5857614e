namespace SkinBot.Core.Feedback;

/// <summary>How a vote relates to the same person's earlier vote on the same answer.</summary>
public enum VoteChange
{
    /// <summary>Feedback is off: nothing was kept.</summary>
    NotKept,

    /// <summary>Their first vote on this answer.</summary>
    First,

    /// <summary>The same vote again (a 👎 may still add or change its reason).</summary>
    Same,

    /// <summary>The other way from before; the new vote replaced the old.</summary>
    Changed,
}

/// <summary>What a vote did and the words to acknowledge it with (ephemeral in Discord, the card in Teams, the web chat's note).</summary>
public sealed record VoteReceipt(VoteChange Change, Vote Vote, string Message)
{
    /// <summary>The stable wire name of <see cref="Change"/> ("not_kept", "first", "same", "changed").</summary>
    public string ChangeName => Change switch
    {
        VoteChange.First => "first",
        VoteChange.Same => "same",
        VoteChange.Changed => "changed",
        _ => "not_kept",
    };
}

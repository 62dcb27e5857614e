namespace SkinBot.Core.Feedback;

/// <summary>Why an answer did not help, when the person said; a fixed list, so what is counted is never free text.</summary>
public enum VoteReason
{
    None,
    DidNotAnswer,
    Wrong,
    Unclear,
    Other,
}

/// <summary>The stable wire and storage names of <see cref="VoteReason"/>, and the words a person picks from.</summary>
public static class VoteReasonNames
{
    public const string None = "none";
    public const string DidNotAnswer = "did_not_answer";
    public const string Wrong = "wrong";
    public const string Unclear = "unclear";
    public const string Other = "other";

    /// <summary>The reasons a person can pick, in the order forms show them.</summary>
    public static readonly IReadOnlyList<VoteReason> Choices = [VoteReason.DidNotAnswer, VoteReason.Wrong, VoteReason.Unclear, VoteReason.Other];

    public static string ToName(this VoteReason reason) => reason switch
    {
        VoteReason.DidNotAnswer => DidNotAnswer,
        VoteReason.Wrong => Wrong,
        VoteReason.Unclear => Unclear,
        VoteReason.Other => Other,
        _ => None,
    };

    /// <summary>What a form shows for the reason.</summary>
    public static string ToLabel(this VoteReason reason) => reason switch
    {
        VoteReason.DidNotAnswer => "It didn't answer my question",
        VoteReason.Wrong => "It's wrong",
        VoteReason.Unclear => "It's unclear",
        VoteReason.Other => "Something else",
        _ => "No reason given",
    };

    /// <summary>Reads a reason from a form; anything unknown is no reason rather than an error, since it is optional.</summary>
    public static VoteReason Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        DidNotAnswer => VoteReason.DidNotAnswer,
        Wrong => VoteReason.Wrong,
        Unclear => VoteReason.Unclear,
        Other => VoteReason.Other,
        _ => VoteReason.None,
    };
}

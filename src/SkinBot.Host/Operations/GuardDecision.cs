namespace SkinBot.Host.Operations;

internal enum GuardOutcome
{
    Allowed,

    /// <summary>Limited, and this is the first limited message of the episode: reply once, politely.</summary>
    Notice,

    /// <summary>Limited again before the notice ran out: send nothing.</summary>
    Suppressed,
}

/// <summary>Which limit refused a message.</summary>
internal static class LimitScopes
{
    public const string User = "user";
    public const string Channel = "channel";
}

internal readonly record struct GuardDecision(GuardOutcome Outcome, string? Scope, TimeSpan RetryAfter)
{
    public static readonly GuardDecision Allowed = new(GuardOutcome.Allowed, null, TimeSpan.Zero);
}

using SkinBot.Core.Domain;

namespace SkinBot.Host.Operations;

internal enum GuardOutcome
{
    Allowed,

    /// <summary>Limited, and this is the first limited message of the episode: reply once, politely.</summary>
    Notice,

    /// <summary>Limited again before the notice ran out: the person was already told.</summary>
    Suppressed,
}

/// <summary>What <see cref="AbuseGuard"/> decided for one message; <see cref="Scope"/> and <see cref="RetryAfter"/> only mean something when limited.</summary>
internal readonly record struct GuardDecision(GuardOutcome Outcome, LimitScope Scope, TimeSpan RetryAfter)
{
    public static readonly GuardDecision Allowed = new(GuardOutcome.Allowed, LimitScope.User, TimeSpan.Zero);
}

using SkinBot.Core.Answers;
using SkinBot.Core.Domain;

namespace SkinBot.Core.Turns;

/// <summary>
/// What became of one turn, decided once by the pipeline. Adapters switch on it once to render it for their platform;
/// nothing after them checks a flag or an intent again. Closed: these four are the only outcomes.
/// </summary>
public abstract record TurnResult
{
    private TurnResult()
    {
    }

    public abstract TurnOutcome Outcome { get; }

    /// <summary>What to show the person: the engine's answer, or SkinBot's notice in its place.</summary>
    public abstract Answer Reply { get; }

    /// <summary>The engine answered.</summary>
    public sealed record Answered(Answer Answer) : TurnResult
    {
        public override TurnOutcome Outcome => TurnOutcome.Answered;

        public override Answer Reply => Answer;
    }

    /// <summary>
    /// An abuse limit refused the message. <paramref name="AlreadyTold"/>: the sender (or their channel) already had the
    /// notice during this wait, so where others see the replies SkinBot stays silent; a protocol that must answer (a Discord
    /// interaction, a Teams invoke) or a door where nobody else saw the first notice (the web chat) still shows it.
    /// </summary>
    public sealed record RateLimited(Answer Notice, LimitScope Scope, TimeSpan RetryAfter, bool AlreadyTold) : TurnResult
    {
        public override TurnOutcome Outcome => TurnOutcome.RateLimited;

        public override Answer Reply => Notice;
    }

    /// <summary>The message is longer than <paramref name="MaxLength"/> characters and did not reach the engine.</summary>
    public sealed record TooLong(Answer Notice, int Length, int MaxLength) : TurnResult
    {
        public override TurnOutcome Outcome => TurnOutcome.TooLong;

        public override Answer Reply => Notice;
    }

    /// <summary>The articles are still loading: nothing read the message, so the notice says where help is.</summary>
    public sealed record NotReady(Answer Notice) : TurnResult
    {
        public override TurnOutcome Outcome => TurnOutcome.NotReady;

        public override Answer Reply => Notice;
    }
}

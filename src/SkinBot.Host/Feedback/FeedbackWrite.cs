using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>One queued write: an answer to record or a vote to save.</summary>
internal abstract record FeedbackWrite
{
    private FeedbackWrite()
    {
    }

    public abstract string Kind { get; }

    public sealed record OfAnswer(AnswerRecord Answer) : FeedbackWrite
    {
        public override string Kind => "answer";
    }

    public sealed record OfVote(VoteRecord Vote) : FeedbackWrite
    {
        public override string Kind => "vote";
    }
}

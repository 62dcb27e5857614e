using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>
/// What the doors call: record an answer (queued), take a vote (queued), forget a person (now). Every person is
/// turned into a <see cref="UserHash"/> here, so no raw user id goes further.
/// </summary>
internal sealed class FeedbackService(
    FeedbackWriter writer,
    IFeedbackStore store,
    KeyedUserHasher hasher,
    RecentAnswers recent,
    VoteHistory history,
    FeedbackMetrics metrics,
    IConversationStore conversations,
    IOptions<FeedbackOptions> options,
    TimeProvider time) : IFeedbackVotes
{
    /// <summary>Longest 👎 comment kept (when text is kept at all).</summary>
    public const int MaxReasonTextLength = 500;

    public bool Enabled => options.Value.Enabled;

    /// <summary>Gives the answer an id for its vote buttons and queues its record; returns it unchanged when feedback is off.</summary>
    public Answer Record(ChatRequest request, Answer answer)
    {
        if (!Enabled)
        {
            return answer;
        }

        var id = AnswerId.New();
        var record = new AnswerRecord(
            id,
            request.Platform,
            answer.Intent,
            answer.Topic,
            answer.Confidence,
            answer.LowConfidence,
            answer.CorpusVersion,
            answer.Passages.Select(passage => passage.Id).ToArray(),
            time.GetUtcNow())
        {
            NotCovered = answer.NotCovered,
            User = hasher.Hash(request.Platform, request.UserId),
            QuestionText = options.Value.StoreQuestionText ? request.Text : null,
        };
        recent.Remember(id, answer.Intent);
        writer.TryEnqueue(new FeedbackWrite.OfAnswer(record));
        return answer with { Id = id };
    }

    /// <summary>
    /// Queues one person's vote on one answer (a later vote replaces it) and says whether it was their first, the same
    /// again or a change. An identical repeat writes nothing, so pressing again is quiet for the database too.
    /// </summary>
    public async Task<VoteReceipt> VoteAsync(VoteBallot ballot, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return new VoteReceipt(VoteChange.NotKept, ballot.Vote, FeedbackTexts.Disabled);
        }

        var vote = ballot.Vote;
        var reason = vote == Core.Feedback.Vote.Down ? ballot.Reason : VoteReason.None;
        var text = vote == Core.Feedback.Vote.Down && options.Value.StoreQuestionText && !string.IsNullOrWhiteSpace(ballot.ReasonText)
            ? ballot.ReasonText.Trim()[..Math.Min(ballot.ReasonText.Trim().Length, MaxReasonTextLength)]
            : null;
        var user = hasher.Hash(ballot.Platform, ballot.UserId);
        var earlier = await history.EarlierAsync(ballot.Answer, user, cancellationToken);
        var change = earlier is null ? VoteChange.First : earlier == vote ? VoteChange.Same : VoteChange.Changed;
        var addsReason = vote == Core.Feedback.Vote.Down && (reason != VoteReason.None || !string.IsNullOrWhiteSpace(ballot.ReasonText));
        history.Remember(ballot.Answer, user, vote);
        if (change != VoteChange.Same || addsReason)
        {
            var record = new VoteRecord(ballot.Answer, user, vote, reason, ballot.Platform, time.GetUtcNow()) { ReasonText = text };
            writer.TryEnqueue(new FeedbackWrite.OfVote(record));
        }

        if (change != VoteChange.Same)
        {
            // Counted when the person's view of the answer is new: a repeated press is not another opinion.
            metrics.RecordVote(recent.IntentOf(ballot.Answer), vote);
        }

        return new VoteReceipt(change, vote, FeedbackTexts.Acknowledge(change, vote, addsReason));
    }

    /// <summary>Deletes the person's votes and follow-up memory on this platform; waits for the database, since they asked.</summary>
    public async Task<string> ForgetAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await conversations.ForgetUserAsync(platform, userId, cancellationToken);
        if (!Enabled)
        {
            return FeedbackTexts.Forgotten;
        }

        // Anything still queued for them is saved first, so the delete cannot be overtaken by it.
        await writer.FlushAsync(cancellationToken);
        var user = hasher.Hash(platform, userId);
        await store.ForgetAsync(user, cancellationToken);
        history.Forget(user);
        return FeedbackTexts.Forgotten;
    }

    public string Privacy() => FeedbackTexts.Privacy(options.Value);
}

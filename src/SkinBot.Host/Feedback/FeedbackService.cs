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
            User = hasher.Hash(request.Platform, request.UserId),
            QuestionText = options.Value.StoreQuestionText ? request.Text : null,
        };
        recent.Remember(id, answer.Intent);
        writer.TryEnqueue(new FeedbackWrite.OfAnswer(record));
        return answer with { Id = id };
    }

    /// <summary>Queues one person's vote on one answer; a later vote replaces it. Returns the words to acknowledge it with.</summary>
    public string Vote(string platform, string userId, AnswerId answer, Vote vote, VoteReason reason, string? reasonText)
    {
        if (!Enabled)
        {
            return FeedbackTexts.Disabled;
        }

        var text = options.Value.StoreQuestionText && !string.IsNullOrWhiteSpace(reasonText)
            ? reasonText.Trim()[..Math.Min(reasonText.Trim().Length, MaxReasonTextLength)]
            : null;
        var record = new VoteRecord(answer, hasher.Hash(platform, userId), vote, vote == Core.Feedback.Vote.Down ? reason : VoteReason.None, platform, time.GetUtcNow())
        {
            ReasonText = text,
        };
        metrics.RecordVote(recent.IntentOf(answer), vote);
        writer.TryEnqueue(new FeedbackWrite.OfVote(record));
        return vote == Core.Feedback.Vote.Up ? FeedbackTexts.ThanksUp : FeedbackTexts.ThanksDown;
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
        await store.ForgetAsync(hasher.Hash(platform, userId), cancellationToken);
        return FeedbackTexts.Forgotten;
    }

    public string Privacy() => FeedbackTexts.Privacy(options.Value);
}

namespace SkinBot.Host.Feedback;

/// <summary>What SkinBot says about feedback and privacy, in plain words.</summary>
internal static class FeedbackTexts
{
    public const string ThanksUp = "Thanks, glad it helped. (Press 👎 any time if you change your mind.)";
    public const string ThanksDown = "Thanks for telling me. It helps whoever keeps my articles see what's missing.";
    public const string Disabled = "Feedback is turned off here, so nothing was kept.";
    public const string Forgotten = "Done: I've deleted your votes and forgotten what we were talking about. Anything you send from now on starts fresh.";

    public const string AlreadyUp = "You already voted 👍 on this answer, and it's counted once. Press 👎 if you've changed your mind.";
    public const string AlreadyDown = "You already voted 👎 on this answer, and it's counted once.";
    // A reason usually follows the 👎 it explains (the web chat sends the press, then its form), so this is a thank-you.
    public const string AlreadyDownNewReason = "Thanks for telling me why. Your 👎 on this answer is counted once, with this reason.";
    public const string ChangedToUp = "Changed: your vote on this answer is now 👍. Thanks.";
    public const string ChangedToDown = "Changed: your vote on this answer is now 👎. Thanks for telling me.";

    /// <summary>The quiet acknowledgement of a vote, by what it did.</summary>
    public static string Acknowledge(Core.Feedback.VoteChange change, Core.Feedback.Vote vote, bool withReason) => (change, vote) switch
    {
        (Core.Feedback.VoteChange.NotKept, _) => Disabled,
        (Core.Feedback.VoteChange.Same, Core.Feedback.Vote.Up) => AlreadyUp,
        (Core.Feedback.VoteChange.Same, _) => withReason ? AlreadyDownNewReason : AlreadyDown,
        (Core.Feedback.VoteChange.Changed, Core.Feedback.Vote.Up) => ChangedToUp,
        (Core.Feedback.VoteChange.Changed, _) => ChangedToDown,
        (_, Core.Feedback.Vote.Up) => ThanksUp,
        _ => ThanksDown,
    };

    public static string Privacy(FeedbackOptions options)
    {
        if (!options.Enabled)
        {
            return "What I keep: nothing about you. I remember the topic of our chat for a few minutes so follow-up questions make sense, and then forget it. Type `forget` to clear that now.";
        }

        var question = options.StoreQuestionText
            ? $"The text of your questions is kept for {Days(options.TextRetention)} to help improve my articles, then deleted."
            : "I do not keep the text of your questions.";
        return "What I keep when I answer: which topic I answered, how sure I was, which article passages I quoted, when, and your 👍 or 👎 with its reason. "
            + "You are stored only as a scrambled code (a keyed hash), never your name or user id. "
            + question
            + " I remember the topic of our chat for a few minutes so follow-up questions make sense. "
            + "Type `forget` (or /skinbot forget) at any time to delete your votes and that memory.";
    }

    private static string Days(TimeSpan span) => span.TotalDays >= 1 ? $"{span.TotalDays:0} days" : $"{span.TotalHours:0} hours";
}

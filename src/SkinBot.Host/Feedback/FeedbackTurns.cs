using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Turns;

namespace SkinBot.Host.Feedback;

/// <summary>
/// The feedback step of the turn pipeline: answers <c>privacy</c> and <c>forget</c> itself (they are about what the
/// host keeps, which the engine does not know), and records every answer the engine gives so votes can point at it.
/// Recording only queues: nothing here waits for a database on the answer path.
/// </summary>
internal sealed class FeedbackTurns(FeedbackService feedback) : ITurnMiddleware
{
    public async ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        var request = turn.Request;
        switch (request.Command?.Name)
        {
            case CommandNames.Privacy:
                return new TurnResult.Answered(Notice(CommandNames.Privacy, "What SkinBot keeps", feedback.Privacy()));
            case CommandNames.Forget:
                var said = await feedback.ForgetAsync(request.Platform, request.UserId, cancellationToken);
                return new TurnResult.Answered(Notice(CommandNames.Forget, "Forgotten", said));
        }

        var result = await next(turn, cancellationToken);
        return result is TurnResult.Answered answered
            ? new TurnResult.Answered(feedback.Record(request, answered.Answer))
            : result;
    }

    private static Answer Notice(string intent, string headline, string message) => new()
    {
        Intent = intent,
        Confidence = 1,
        Headline = headline,
        Message = message,
        CorpusVersion = "none",
    };
}

using SkinBot.Core.Answers;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;

namespace SkinBot.Testing.Fakes;

/// <summary>
/// Stands in for the host's limits in adapter tests, so each adapter's rendering of every outcome can be driven by what
/// a message says: <see cref="RateLimitedMarker"/> gets the first rate-limit notice, <see cref="AlreadyToldMarker"/> the
/// outcome of a repeat during the same wait, <see cref="TooLongMarker"/> the length refusal. Other messages pass.
/// </summary>
public sealed class ScriptedLimits : ITurnMiddleware
{
    public const string RateLimitedMarker = "[rate-limited]";
    public const string AlreadyToldMarker = "[already-told]";
    public const string TooLongMarker = "[too-long]";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(12);

    public static readonly Answer RateLimitNotice = new()
    {
        Intent = TurnOutcomeNames.RateLimited,
        Confidence = 1,
        Headline = "You're asking quickly: give me a moment.",
        Message = "Please wait about 12 seconds and try again.",
        CorpusVersion = string.Empty,
    };

    public static readonly Answer TooLongNotice = new()
    {
        Intent = TurnOutcomeNames.TooLong,
        Confidence = 1,
        Headline = "That message is too long for me",
        Message = "Please keep messages short.",
        CorpusVersion = string.Empty,
    };

    public ValueTask<TurnResult> OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        var text = turn.Request.Text;
        if (text.Contains(AlreadyToldMarker, StringComparison.Ordinal) || text.Contains(RateLimitedMarker, StringComparison.Ordinal))
        {
            var alreadyTold = text.Contains(AlreadyToldMarker, StringComparison.Ordinal);
            return ValueTask.FromResult<TurnResult>(new TurnResult.RateLimited(RateLimitNotice, LimitScope.User, Wait, alreadyTold));
        }

        if (text.Contains(TooLongMarker, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<TurnResult>(new TurnResult.TooLong(TooLongNotice, text.Length, text.Length - 1));
        }

        return next(turn, cancellationToken);
    }
}

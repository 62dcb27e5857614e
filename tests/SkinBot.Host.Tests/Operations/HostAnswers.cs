using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// What the host suites' engine (the shared <see cref="Testing.Fakes.FakeChatEngine"/>) answers: every question, shaped
/// like the real engine would shape it (headline, a quoted passage, the caveat, follow-ups).
/// </summary>
internal static class HostAnswers
{
    public const string Caveat = "This is general information, not a diagnosis. See a board-certified dermatologist early: delay can worsen scarring.";

    public static Answer Substantive(ChatRequest request)
    {
        var topic = request.Command?.Option(CommandNames.ScarTypeOption) ?? (request.Text.Contains("boxcar", StringComparison.OrdinalIgnoreCase) ? "boxcar" : "ice_pick");
        return new Answer
        {
            Intent = "scar_type",
            Confidence = 0.91,
            Headline = topic == "boxcar" ? "Boxcar scars" : "Ice pick scars",
            Passages =
            [
                new AnswerPassage(
                    "pockmarks#12",
                    topic == "boxcar"
                        ? "Boxcar scars are broad depressions with sharply defined edges."
                        : "Ice pick scars are narrow, deep scars that look like small holes in the skin.",
                    ["Types of scars", topic == "boxcar" ? "Boxcar" : "Ice pick"],
                    null,
                    new SourceInfo("How to get rid of pockmarks", "Healthline", "https://example.org/pockmarks", "Rachel Maiman, MD"),
                    7.5),
            ],
            FollowUps =
            [
                new FollowUp("Treatments for boxcar scars", "how are boxcar scars treated?"),
                new FollowUp("Preventing scars", "how can I prevent acne scars?"),
            ],
            Caveat = Caveat,
            CorpusVersion = "test-corpus-1",
            Topic = topic,
        };
    }
}

using System.Collections.Concurrent;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;

namespace SkinBot.Host.Tests.Operations;

/// <summary>
/// An engine that answers every question like the real one would shape it (headline, a quoted passage, the caveat,
/// follow-ups) and remembers what it was asked.
/// </summary>
internal sealed class FakeChatEngine : IChatEngine
{
    public const string Caveat = "This is general information, not a diagnosis. See a board-certified dermatologist early: delay can worsen scarring.";

    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    public Func<ChatRequest, Answer>? Respond { get; set; }

    public ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return ValueTask.FromResult(Respond?.Invoke(request) ?? SubstantiveAnswer(request));
    }

    public static Answer SubstantiveAnswer(ChatRequest request)
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

using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Testing.Fakes;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// The shared <see cref="FakeChatEngine"/> with the Discord suites' conventions, read from the message: answers shaped
/// like the real engine's (headline, a quoted passage with its source, caveat, follow-ups) derived from the request, so
/// tests can see which command or question reached it. "[slow]" waits <see cref="SlowDelay"/> before answering,
/// "[block]" holds its thread for <see cref="SlowDelay"/> before its first await (as an engine that does its work
/// synchronously would), "[boom]" throws, "[long]" returns passages far beyond Discord's limits.
/// </summary>
internal sealed class DiscordEngine
{
    public const string Caveat = "General information, not a diagnosis. See a board-certified dermatologist early.";

    public static readonly SourceInfo Source = new("Pockmarks: causes and treatments", "Healthline", "https://example.org/pockmarks", "Rachel Maiman, MD");

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscordEngine()
    {
        Fake = new FakeChatEngine(Answer)
        {
            Hold = (request, cancellationToken) => request.Text.Contains("[slow]", StringComparison.Ordinal)
                ? (HoldSlowUntilReleased ? _release.Task.WaitAsync(cancellationToken) : Task.Delay(SlowDelay, cancellationToken))
                : null,
            Block = (request, cancellationToken) =>
            {
                if (!request.Text.Contains("[block]", StringComparison.Ordinal))
                {
                    return;
                }

                if (HoldSlowUntilReleased)
                {
                    _release.Task.Wait(cancellationToken);
                }
                else
                {
                    Thread.Sleep(SlowDelay);
                }
            },
        };
    }

    public FakeChatEngine Fake { get; }

    public IReadOnlyList<ChatRequest> Requests => Fake.Requests;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When set, "[slow]" and "[block]" wait for <see cref="ReleaseSlow"/> instead of <see cref="SlowDelay"/>, so a
    /// test of the defer path does not depend on how quickly a busy machine runs timers.
    /// </summary>
    public bool HoldSlowUntilReleased { get; set; }

    public void ReleaseSlow() => _release.TrySetResult();

    private static Answer Answer(ChatRequest request)
    {
        if (request.Text.Contains("[boom]", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("engine exploded");
        }

        var (headline, topic) = Describe(request);
        var passageText = request.Text.Contains("[long]", StringComparison.Ordinal)
            ? string.Join(' ', Enumerable.Repeat("Subcision releases the fibrous bands that pull rolling scars down.", 120))
            : $"Passage about {topic}: boxcar scars are broad depressions with sharp edges.";
        var passages = new List<AnswerPassage>
        {
            new("pockmarks#1", passageText, ["Types", topic], null, Source, 3.2),
        };
        if (request.Text.Contains("[long]", StringComparison.Ordinal))
        {
            passages.Add(new("pockmarks#2", passageText, ["Treatments", "In-office treatments"], "Subcision", Source, 2.1));
        }

        return new Answer
        {
            Intent = request.Command?.Name ?? "question",
            Confidence = 0.9,
            Headline = headline,
            Passages = passages,
            Caveat = Caveat,
            CorpusVersion = "test-corpus",
            Topic = topic,
            FollowUps =
            [
                new("How is it treated?", $"How are {topic} scars treated?"),
                new("Prevention", "How can I prevent pitted scars?"),
            ],
        };
    }

    private static (string Headline, string Topic) Describe(ChatRequest request)
    {
        var command = request.Command;
        return command?.Name switch
        {
            CommandNames.Scar when command.Option(CommandNames.ScarTypeOption) is { } type => ($"Scar type: {type}", type),
            CommandNames.Scar => ("All three scar types", "scar types"),
            CommandNames.Treatments => ($"Treatments: {command.Option(CommandNames.WhereOption)} {command.Option(CommandNames.NameOption)}".TrimEnd(), "treatments"),
            CommandNames.Prevent => ("Preventing pitted scars", "prevention"),
            CommandNames.Help => ("SkinBot help", "help"),
            _ => ($"Q: {request.Text}", "question"),
        };
    }
}

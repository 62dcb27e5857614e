using System.Collections.Concurrent;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;

namespace SkinBot.Discord.Tests.Fakes;

/// <summary>
/// Answers like the real engine would in shape (headline, a quoted passage with its source, caveat, follow-ups),
/// with content derived from the request so tests can see which command or question reached it.
/// Text containing "[slow]" waits <see cref="SlowDelay"/>, "[suppress]" is suppressed, "[boom]" throws,
/// "[long]" returns passages far beyond Discord's limits, "[block]" blocks its thread for <see cref="SlowDelay"/>
/// before its first await (as an engine that does its work synchronously would).
/// </summary>
internal sealed class FakeChatEngine : IChatEngine
{
    public ConcurrentQueue<ChatRequest> Requests { get; } = new();

    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When set, "[slow]" and "[block]" wait for <see cref="ReleaseSlow"/> instead of <see cref="SlowDelay"/>, so a
    /// test of the defer path does not depend on how quickly a busy machine runs timers.
    /// </summary>
    public bool HoldSlowUntilReleased { get; set; }

    public void ReleaseSlow() => release.TrySetResult();

    public static readonly SourceInfo Source = new("Pockmarks: causes and treatments", "Healthline", "https://example.org/pockmarks", "Rachel Maiman, MD");

    public const string Caveat = "General information, not a diagnosis. See a board-certified dermatologist early.";

    public async ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (request.Text.Contains("[block]", StringComparison.Ordinal))
        {
            if (HoldSlowUntilReleased)
            {
                release.Task.Wait(cancellationToken);
            }
            else
            {
                Thread.Sleep(SlowDelay);
            }
        }

        if (request.Text.Contains("[slow]", StringComparison.Ordinal))
        {
            await (HoldSlowUntilReleased ? release.Task.WaitAsync(cancellationToken) : Task.Delay(SlowDelay, cancellationToken));
        }

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
            Suppressed = request.Text.Contains("[suppress]", StringComparison.Ordinal),
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
            CommandNames.Ask => ($"Q: {command.Option(CommandNames.QuestionOption)}", "question"),
            _ => ($"Q: {request.Text}", "question"),
        };
    }
}

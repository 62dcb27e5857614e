using System.Text;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;

namespace SkinBot.Testing;

/// <summary>
/// A conversation test that reads like a chat:
/// <code>
/// await new Conversation(engine)
///     .Send("what are boxcar scars?").AssertIntent("scar_types").AssertFirstLead("Boxcar scars")
///     .Send("and rolling?").AssertIntent("scar_types").AssertFirstLead("Rolling scars")
///     .RunAsync();
/// </code>
/// Steps run in order when <see cref="RunAsync"/> is awaited; a failed assertion reports the whole transcript.
/// </summary>
public sealed class Conversation(IChatEngine engine, string conversationId = "conversation-1", string userId = "user-1", string platform = Platforms.Web)
{
    private readonly List<Func<CancellationToken, ValueTask>> _steps = [];
    private readonly StringBuilder _transcript = new();
    private Answer? _last;

    /// <summary>The most recent answer (while running).</summary>
    public Answer Last => _last ?? throw new ConversationAssertionException("Nothing has been sent yet.", _transcript.ToString());

    /// <summary>Every answer in order (while running).</summary>
    public List<Answer> Answers { get; } = [];

    public Conversation Send(string text) => Send(new ChatRequest(platform, conversationId, userId, text), $"user> {text}");

    public Conversation Send(ChatCommand command) =>
        Send(
            new ChatRequest(platform, conversationId, userId, string.Empty) { Command = command },
            $"user> /{command.Name} {string.Join(' ', command.Options.Select(o => $"{o.Key}={o.Value}"))}");

    /// <summary>Does something between messages, e.g. advances a fake clock.</summary>
    public Conversation Then(Action action)
    {
        _steps.Add(_ =>
        {
            action();
            return ValueTask.CompletedTask;
        });
        return this;
    }

    public Conversation Assert(Func<Answer, bool> check, string expectation)
    {
        _steps.Add(_ =>
        {
            if (!check(Last))
            {
                throw new ConversationAssertionException($"Expected {expectation}.", _transcript.ToString());
            }

            return ValueTask.CompletedTask;
        });
        return this;
    }

    public Conversation AssertIntent(string intent) =>
        Assert(a => a.Intent == intent, $"intent {intent}");

    public Conversation AssertNotIntent(string intent) =>
        Assert(a => a.Intent != intent, $"any intent but {intent}");

    /// <summary>The first quoted passage has this lead term ("Boxcar scars", "Retinol").</summary>
    public Conversation AssertFirstLead(string leadTerm) =>
        Assert(a => a.Passages.Count > 0 && a.Passages[0].LeadTerm == leadTerm, $"the first passage to be \"{leadTerm}\"");

    public Conversation AssertTopic(string topic) =>
        Assert(a => a.Topic == topic, $"topic {topic}");

    public Conversation AssertNoPassages() =>
        Assert(a => a.Passages.Count == 0, "no quoted passages");

    /// <summary>The safety tier of the reply (<c>Urgency.None</c> for an ordinary answer).</summary>
    public Conversation AssertUrgency(Core.Domain.Urgency urgency) =>
        Assert(a => a.Urgency == urgency, $"urgency {urgency}");

    /// <summary>The reply's own words contain this text (case-insensitive).</summary>
    public Conversation AssertMessageContains(string text) =>
        Assert(a => a.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true, $"the message to contain \"{text}\"");

    /// <summary>One of the follow-ups asks this question.</summary>
    public Conversation AssertFollowUp(string question) =>
        Assert(a => a.FollowUps.Any(f => f.Question == question), $"a follow-up \"{question}\"");

    public Conversation AssertCaveat() =>
        Assert(a => !string.IsNullOrWhiteSpace(a.Caveat), "the caveat");

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken);
        }
    }

    private Conversation Send(ChatRequest request, string line)
    {
        _steps.Add(async cancellationToken =>
        {
            _transcript.AppendLine(line);
            _last = await engine.AnswerAsync(request, cancellationToken);
            Answers.Add(_last);
            _transcript.AppendLine($"bot>  {Describe(_last)}");
        });
        return this;
    }

    private static string Describe(Answer answer) =>
        $"{answer.Intent} ({answer.Confidence:0.00}{(answer.LowConfidence ? ", low" : string.Empty)}) \"{answer.Headline}\" " +
        $"[{string.Join(", ", answer.Passages.Select(p => p.LeadTerm ?? p.SectionId))}] topic={answer.Topic ?? "-"} urgency={answer.Urgency} " +
        $"follow-ups=[{string.Join(" | ", answer.FollowUps.Select(f => f.Question))}] message=\"{answer.Message}\"";
}

/// <summary>A conversation went differently than the test expected; the message carries the transcript.</summary>
public sealed class ConversationAssertionException(string message, string transcript)
    : Exception($"{message}\nTranscript:\n{transcript}");

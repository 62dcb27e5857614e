using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Evaluation;

namespace SkinBot.Core.Tests.Evaluation;

/// <summary>The evaluation arithmetic, against a scripted engine so every number is known in advance.</summary>
public sealed class EvalRunnerTests
{
    private static readonly SourceInfo Source = new("T", null, null, null);

    private static AnswerPassage Passage(string section, string? lead = null) =>
        new($"a#{section}{lead}", "text", [section], lead, Source, 1) { SectionId = section };

    private static EvalSet Set(string yaml) => EvalSet.Parse(yaml, "test.yml");

    [Fact]
    public async Task Intent_accuracy_hits_and_caveats_are_counted()
    {
        var engine = new ScriptedEngine(new()
        {
            ["q1"] = Answer("scar_types", [Passage("scar-types", "Boxcar scars")]),
            ["q2"] = Answer("scar_types", [Passage("x"), Passage("y"), Passage("z"), Passage("scar-types", "Rolling scars")]),
            ["q3"] = Answer("definition", [Passage("what-are-pockmarks")]) with { Caveat = null },
            ["q4"] = Answer("greeting_help", []),
        });
        var set = Set("""
            questions:
              - { text: q1, intent: scar_types, expect: [Boxcar scars] }
              - { text: q2, intent: scar_types, expect: [rolling scars] }
              - { text: q3, intent: prevention, expect: ["section:what-are-pockmarks"] }
              - { text: q4, intent: greeting_help }
            """);

        var report = await EvalRunner.RunAsync(engine, set, CancellationToken.None);

        Assert.Equal(4, report.Questions);
        Assert.Equal(0.75, report.IntentAccuracy);
        Assert.Equal(3, report.RetrievalQuestions);
        Assert.Equal(2 / 3.0, report.HitAt1, 6);
        Assert.Equal(2 / 3.0, report.HitAt3, 6);
        Assert.Equal(3, report.SubstantiveAnswers);
        Assert.Equal(2 / 3.0, report.CaveatRate, 6);
        Assert.Contains(report.Misses, m => m.Kind == "intent" && m.Question == "q3");
        Assert.Contains(report.Misses, m => m.Kind == "retrieval" && m.Question == "q2");
        Assert.Contains(report.Misses, m => m.Kind == "caveat" && m.Question == "q3");
        Assert.False(report.MeetsThresholds(EvalReport.Required));
    }

    [Fact]
    public async Task Treatment_tips_on_urgent_and_in_office_on_at_home_are_counted_as_safety_misses()
    {
        var engine = new ScriptedEngine(new()
        {
            ["fever"] = Answer("treatment_at_home", [Passage("treatments-at-home", "Retinol")]),
            ["home"] = Answer("treatment_at_home", [Passage("treatments-at-home", "Retinol"), Passage("treatments-in-office", "Subcision")]),
        });
        var set = Set("""
            questions:
              - { text: fever, intent: urgent }
              - { text: home, intent: treatment_at_home, expect: [Retinol] }
            """);

        var report = await EvalRunner.RunAsync(engine, set, CancellationToken.None);

        Assert.Equal(1, report.UrgentWithTreatmentTips);
        Assert.Equal(1, report.AtHomeWithInOfficeTreatments);
        Assert.Contains("urgent with tips     1", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_question_is_asked_in_a_fresh_conversation()
    {
        var engine = new ScriptedEngine([]);
        var set = Set("questions:\n  - { text: a, intent: definition }\n  - { text: b, intent: definition }\n");

        await EvalRunner.RunAsync(engine, set, CancellationToken.None);

        Assert.Equal(2, engine.Conversations.Distinct().Count());
    }

    [Fact]
    public void An_unlabelled_question_is_a_format_error_naming_it()
    {
        var error = Assert.Throws<CorpusFormatException>(() => Set("questions:\n  - { text: a, intent: definition }\n  - { text: b }\n"));

        Assert.Contains("question 2", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("questions:\n", 0)]
    [InlineData("", 0)]
    [InlineData("questions:\n  - { text: a, intent: definition, expect: }\n", 1)]
    public async Task Empty_keys_read_as_empty_lists(string yaml, int count)
    {
        var set = Set(yaml);

        var report = await EvalRunner.RunAsync(new ScriptedEngine([]), set, CancellationToken.None);

        Assert.Equal(count, report.Questions);
        Assert.Equal(0, report.RetrievalQuestions);
    }

    [Fact]
    public void An_empty_question_entry_is_a_format_error()
    {
        Assert.Throws<CorpusFormatException>(() => Set("questions:\n  -\n"));
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_a_format_error()
    {
        Assert.Throws<CorpusFormatException>(() => Set("questions: [unclosed\n"));
    }

    [Fact]
    public void The_report_text_lists_every_miss()
    {
        var report = new EvalReport(2, 0.5, 1, 0, 0, 1, 1, 0, 0, [new EvalMiss("intent", new string('q', 200), "definition", "out_of_scope (0.60)")]);

        var text = report.ToText();

        Assert.Contains("intent accuracy      0.500", text, StringComparison.Ordinal);
        Assert.Contains("- [intent] \"" + new string('q', 90) + "…\" expected definition, got out_of_scope (0.60)", text, StringComparison.Ordinal);
    }

    private static Answer Answer(string intent, IReadOnlyList<AnswerPassage> passages) => new()
    {
        Intent = intent,
        Confidence = 0.9,
        Headline = intent,
        Passages = passages,
        Caveat = passages.Count > 0 ? "caveat" : null,
        CorpusVersion = "test",
    };

    private sealed class ScriptedEngine(Dictionary<string, Answer> answers) : IChatEngine
    {
        public List<string> Conversations { get; } = [];

        public ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
        {
            Conversations.Add(request.ConversationId);
            return ValueTask.FromResult(answers.GetValueOrDefault(request.Text) ?? Answer("out_of_scope", []));
        }
    }
}

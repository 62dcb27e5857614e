using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Intents;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Answers;

/// <summary>Every answer is grounded, carries the caveat when it quotes the corpus, and fits a Discord message.</summary>
public sealed class CompositionTests
{
    /// <summary>At least one question per intent, plus commands, so every composer path is covered.</summary>
    public static TheoryData<string> QuestionsForEveryIntent => new()
    {
        "what are pockmarks?",
        "what types of pitted scars are there?",
        "what are boxcar scars?",
        "what are boxcar and rolling scars?",
        "how do I prevent pockmarks?",
        "are pockmarks permanent?",
        "what can I do at home for pitted scars?",
        "what can a dermatologist do for pockmarks?",
        "how do I treat pockmarks?",
        "does retinol help?",
        "retinol vs laser vs subcision vs chemical peels for boxcar scars",
        "hello",
        "what is the capital of France?",
        "I have a fever and it is spreading",
        "is it bad?",
        "/scar boxcar",
        "/scar keloid",
        "/prevent",
        "/treatments at home retinol",
        "/treatments in office botox",
        "/treatments",
        "/help",
    };

    private static async Task<Answer> AskAsync(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        return await engine.AnswerAsync(
            new ChatRequest(Platforms.Discord, Guid.NewGuid().ToString("N"), "u", text) { Command = TypedCommandParser.TryParse(text) },
            CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(QuestionsForEveryIntent))]
    public async Task Every_substantive_answer_carries_the_caveat(string text)
    {
        var answer = await AskAsync(text);

        if (answer.IsSubstantive)
        {
            Assert.False(string.IsNullOrWhiteSpace(answer.Caveat));
            Assert.Contains("dermatologist", answer.Caveat, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(answer.Caveat!, AnswerTextRenderer.Render(answer), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(QuestionsForEveryIntent))]
    public async Task Every_answer_renders_within_the_discord_limit(string text)
    {
        var answer = await AskAsync(text);

        var rendered = AnswerTextRenderer.Render(answer);

        Assert.InRange(rendered.Length, 1, 2000);
        Assert.StartsWith($"**{UrgencyMarkers.Headline(answer)}**", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QuestionsForEveryIntent))]
    public async Task Every_quoted_passage_is_corpus_text_with_its_source(string text)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var corpus = lease.Knowledge.Passages.ToDictionary(p => p.Id);

        var answer = await AskAsync(text);

        Assert.All(answer.Passages, p =>
        {
            Assert.Equal(corpus[p.Id].Text, p.Text);
            Assert.Equal(corpus[p.Id].SectionPath, p.SectionPath);
            Assert.Equal("Yep, You Actually Can Improve Your Pockmarks", p.Source.Title);
            Assert.Equal("Rachel Maiman, MD", p.Source.Expert);
        });
        Assert.Equal(lease.Knowledge.Fingerprint, answer.CorpusVersion);
    }

    [Theory]
    [MemberData(nameof(QuestionsForEveryIntent))]
    public async Task Follow_ups_are_questions_SkinBot_can_answer(string text)
    {
        var answer = await AskAsync(text);

        Assert.InRange(answer.FollowUps.Count, 0, 4);
        Assert.All(answer.FollowUps, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Label));
            Assert.EndsWith("?", f.Question, StringComparison.Ordinal);
        });
        Assert.Equal(answer.FollowUps.Count, answer.FollowUps.Select(f => f.Question).Distinct().Count());
    }

    [Fact]
    public async Task A_follow_up_question_gets_a_substantive_answer_when_asked()
    {
        var first = await AskAsync("what are pockmarks?");

        foreach (var followUp in first.FollowUps)
        {
            var answer = await AskAsync(followUp.Question);

            Assert.True(answer.IsSubstantive, followUp.Question);
            Assert.False(answer.LowConfidence, followUp.Question);
        }
    }

    [Fact]
    public async Task A_named_treatment_headline_says_where_it_is_done()
    {
        Assert.Equal("Retinol (at-home treatment)", (await AskAsync("does retinol help pockmarks?")).Headline);
        Assert.Equal("Subcision (in-office treatment)", (await AskAsync("does subcision help pockmarks?")).Headline);
    }

    [Fact]
    public async Task A_question_naming_treatments_of_both_settings_quotes_each()
    {
        var answer = await AskAsync("retinol or laser for pitted scars?");

        Assert.Equal(IntentIds.TreatmentAny, answer.Intent);
        Assert.Equal(["Laser", "Retinol"], answer.Passages.Select(p => p.LeadTerm).Order());
    }

    [Theory]
    [InlineData("any diy stuff that works on pock marks or is it all a scam")]
    [InlineData("is retinol gonna fix my pitted scars or am i wasting my time")]
    [InlineData("dermabrasion for pitted scars any good?")]
    public async Task An_answer_the_classifier_is_unsure_of_is_given_as_a_best_guess_with_the_nearest_topics_first(string question)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var knowledge = lease.Knowledge;
        var decision = IntentClassifier.Classify(question, knowledge, null, ClassifierTuning.Default);
        var answer = await AskAsync(question);

        Assert.InRange(decision.Confidence, ClassifierTuning.Default.LowConfidence, ClassifierTuning.Default.BestGuess);
        Assert.True(answer.BestGuess, question);
        Assert.False(answer.LowConfidence, question);
        Assert.True(answer.IsSubstantive, question);
        Assert.StartsWith("I may have misread your question", answer.Message, StringComparison.Ordinal);
        var nearestOther = decision.Nearest.First(id => id != decision.Intent && IntentClassifier.IsSubstantive(id));
        Assert.Equal(knowledge.Intents[nearestOther].Question, answer.FollowUps[0].Question);
        Assert.Contains("\"bestGuess\":true", AnswerJson.Serialize(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confident_answer_is_not_called_a_best_guess()
    {
        var answer = await AskAsync("what are boxcar scars?");

        Assert.False(answer.BestGuess);
        Assert.DoesNotContain("best guess", answer.Message ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/scar [Free cure](https://evil.example)", "[Free cure](https://evil.example)")]
    [InlineData("/treatments at home @everyone <@123>", "@everyone <@123>")]
    public async Task A_name_the_articles_do_not_know_is_quoted_back_as_user_text_not_as_skinbots_words(string command, string typed)
    {
        var answer = await AskAsync(command);

        var echo = Assert.Single(answer.MessageText!.Runs, r => r.IsUserText);
        Assert.Contains(typed, echo.Text, StringComparison.Ordinal);
        Assert.All(answer.MessageText.Runs.Where(r => !r.IsUserText), r => Assert.DoesNotContain(typed, r.Text, StringComparison.Ordinal));
        Assert.Contains($"\"{echo.Text}\"", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_echo_is_one_line_without_direction_overrides_and_at_most_41_characters()
    {
        var quoted = AnswerText.Quote("evil\u202Etxt.exe\n# heading\r\n" + new string('a', 80), 41);

        var run = Assert.Single(quoted.Runs);
        Assert.True(run.IsUserText);
        Assert.Equal(41, run.Text.Length);
        Assert.StartsWith("eviltxt.exe # heading aaa", run.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", run.Text, StringComparison.Ordinal);
    }
}

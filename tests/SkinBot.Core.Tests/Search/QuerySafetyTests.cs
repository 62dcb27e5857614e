using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Engine;
using SkinBot.Core.Intents;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Search;

/// <summary>User text is never query syntax: hostile, huge, empty-looking and mixed-script messages all get answers.</summary>
public sealed class QuerySafetyTests
{
    public static TheoryData<string, string> HostileMessages => new()
    {
        { "field query", "title:* OR \"" },
        { "wildcards", "***" },
        { "operators only", "AND OR NOT" },
        { "lone quote", "\"" },
        { "lone single quote", "'" },
        { "unbalanced brackets", "text:[a TO } (scar" },
        { "fuzzy and boost syntax", "subcision~2^10 +retinol -laser" },
        { "escape characters", "\\\\\\ \\\" \\*" },
        { "regex syntax", "/.*pock.*/" },
        { "10,000 characters of words", string.Concat(Enumerable.Repeat("what are boxcar scars and how do I treat them ", 230))[..10_000] },
        { "10,000 characters without a space", new string('a', 10_000) },
        { "10,000 quotes and colons", string.Concat(Enumerable.Repeat("\":", 5_000)) },
        { "emoji only", "😭😭😭🙏✨" },
        { "emoji with skin tones and joiners", "👩🏽‍⚕️👍🏿❤️‍🔥" },
        { "Cyrillic", "что такое рубцы от акне?" },
        { "CJK", "痘痕怎么治疗？" },
        { "mixed scripts", "pockmarks 痘痕 шрамы 😭 boxcar" },
        { "right-to-left", "ما هي ندبات حب الشباب" },
        { "zero-width characters", "box\u200Bcar\u200C sc\u200Dars\uFEFF" },
        { "only zero-width characters", "\u200B\u200C\u200D\uFEFF" },
        { "control characters", "\u0000\u0001\u0007scars\u001B[31m" },
        { "lone surrogate", "scar \uD83D" },
        { "whitespace only", " \t\r\n " },
        { "empty", "" },
        { "html and script", "<script>alert('x')</script><b>scars</b>" },
        { "sql", "'; DROP TABLE passages; --" },
        { "mention spam", "@everyone @here <@123456789> pockmarks" },
    };

    [Theory]
    [MemberData(nameof(HostileMessages))]
    public async Task A_hostile_message_is_answered_without_an_exception(string kind, string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Discord, "c", "u", text), CancellationToken.None);

        Assert.False(string.IsNullOrWhiteSpace(answer.Headline), kind);
        Assert.NotEqual("not_ready", answer.Intent);
        Assert.InRange(AnswerTextRenderer.Render(answer).Length, 1, AnswerTextRenderer.DefaultMaxLength);
        if (answer.IsSubstantive)
        {
            Assert.False(string.IsNullOrWhiteSpace(answer.Caveat), kind);
        }
    }

    [Theory]
    [MemberData(nameof(HostileMessages))]
    public async Task A_hostile_message_searches_the_index_safely(string kind, string text)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();
        var knowledge = lease.Knowledge;

        var terms = knowledge.Analyzer.Terms(knowledge.Spelling.Correct(text));
        var hits = knowledge.Index.Search(terms, null, 5);
        var decision = IntentClassifier.Classify(text, knowledge, null, 0.35);

        Assert.True(hits.Count <= 5, kind);
        Assert.NotNull(decision.Intent);
    }

    [Theory]
    [InlineData("title:*")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("AND")]
    public async Task Query_syntax_handed_straight_to_the_index_is_a_literal_term(string term)
    {
        using var lease = (await KnowledgeBases.SharedRepositoryCorpusAsync()).Acquire();

        Assert.Empty(lease.Knowledge.Index.Search([term], null, 5));
    }

    [Theory]
    [InlineData("AND OR NOT")]
    [InlineData("***")]
    [InlineData("😭😭😭")]
    [InlineData("\u200B\u200B")]
    public async Task A_message_with_no_words_gets_help_instead_of_passages(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", text), CancellationToken.None);

        Assert.Equal(IntentIds.GreetingHelp, answer.Intent);
        Assert.Empty(answer.Passages);
        Assert.NotEmpty(answer.FollowUps);
    }

    [Fact]
    public async Task Zero_width_characters_do_not_hide_a_question()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", "what are box\u200Bcar sc\u200Dars?"), CancellationToken.None);

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Equal("Boxcar scars", answer.Passages[0].LeadTerm);
    }

    [Fact]
    public async Task Cyrillic_look_alike_letters_do_not_hide_a_question()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        // "subcision" with a Cyrillic "с" and "і".
        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", "what is sub\u0441\u0456sion?"), CancellationToken.None);

        Assert.Equal("Subcision", answer.Passages[0].LeadTerm);
    }

    [Theory]
    [InlineData("I have a \uFF46\uFF45\uFF56\uFF45\uFF52 and my cheek is swollen")]
    [InlineData("I have a fe\u200Bver")]
    [InlineData("I have a f\u0435ver")]
    public async Task Disguised_letters_do_not_hide_an_urgent_symptom(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", text), CancellationToken.None);

        Assert.Equal(IntentIds.Urgent, answer.Intent);
        Assert.Empty(answer.Passages);
    }

    [Fact]
    public async Task A_cry_for_help_at_the_end_of_a_message_longer_than_the_analysed_length_is_still_heard()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        var story = string.Concat(Enumerable.Repeat("I have had pitted scars on my cheeks since I was fifteen and I have tried so many creams. ", 80));
        var text = story + "Honestly everyone would be better off without me.";

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", text), CancellationToken.None);

        Assert.True(text.Length > new EngineOptions().MaxAnalysedLength);
        Assert.Equal(Core.Domain.Urgency.Crisis, answer.Urgency);
        Assert.Empty(answer.Passages);
    }

    [Fact]
    public async Task An_urgent_message_buried_in_a_10000_character_message_is_still_urgent()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        var text = "I have a fever and the redness is spreading. " + new string('x', 9_955);

        var answer = await engine.AnswerAsync(new ChatRequest(Platforms.Web, "c", "u", text), CancellationToken.None);

        Assert.Equal(10_000, text.Length);
        Assert.Equal(IntentIds.Urgent, answer.Intent);
    }
}

using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>A message SkinBot cannot read is told so, with where to turn, instead of being answered on a borrowed word.</summary>
public sealed class OtherLanguageTests
{
    /// <summary>The word lists SkinBot ships (intents.yml), so the tests hold the data, not a stand-in for it.</summary>
    private static async Task<IReadOnlyList<OtherLanguage>> ShippedLanguagesAsync()
    {
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        using var lease = holder.Acquire();
        return lease.Knowledge.Intents.OtherLanguages;
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("mi hija dice que el laser de su amiga funciona muy bien", "Spanish")]
    [InlineData("ano po ba ang gamot sa pitted scars ko", "Tagalog")]
    [InlineData("bhai mere face ke scars pe sab hasste hain", "Hindi")]
    [InlineData("ich hab meine narben mit einem dermapen behandelt und jetzt ist die haut rot", "German")]
    [InlineData("ik heb littekens van acne en ik weet niet wat ik moet doen", "Dutch")]
    [InlineData("toi bi seo ro tren mat, lam sao de het a", "Vietnamese")]
    [InlineData("jag har ärr efter finnar och vet inte vad jag ska göra", "Swedish")]
    public async Task Three_common_words_of_a_language_making_a_fifth_of_the_message_name_it(string text, string language)
    {
        Assert.Equal(language, OtherLanguage.Of(Words(text), await ShippedLanguagesAsync())?.Name);
    }

    [Theory]
    [InlineData("ngl my scars r so bad rn lol idk what to do fr")]
    [InlineData("de nada lol, thanks for the tips on rolling scars everyone, going to try them this week")]
    [InlineData("my derm said que sera sera about my boxcar scars and i want a second opinion on laser")]
    [InlineData("ya know what ma said, no way im doing a peel w my skin like this lol")]
    public async Task English_with_slang_or_a_borrowed_phrase_is_not_another_language(string text)
    {
        Assert.Null(OtherLanguage.Of(Words(text), await ShippedLanguagesAsync()));
    }

    /// <summary>
    /// A question asked in English with a greeting, an apology or a line in another language around it is answered:
    /// the other language is named (three of its words, a fifth of the message) but its words do not outnumber English.
    /// </summary>
    [Theory]
    [InlineData("hola!! perdón mi inglés no es muy bueno, what causes the little holes in the face after acne? mi hermana tiene muchos y está triste", IntentIds.Definition)]
    [InlineData("yaar mere scars ka kya karu bhai, how much does microneedling cost for one session? is it worth the price", "procedure_cost")]
    public async Task An_english_question_with_another_language_around_it_gets_an_answer(string text, string intent)
    {
        Assert.NotNull(OtherLanguage.Of(Words(text), await ShippedLanguagesAsync()));
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        await new Conversation(engine, Guid.NewGuid().ToString("N"))
            .Send(text)
            .AssertIntent(intent)
            .RunAsync();
    }

    [Fact]
    public async Task A_message_in_portuguese_gets_told_skinbot_reads_english_and_where_to_turn_not_an_answer()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        await new Conversation(engine, Guid.NewGuid().ToString("N"))
            .Send("oi gente, minha filha de 13 anos tem cicatrizes de acne e não quer mais ir à escola, quanto custa um laser em são paulo?")
            .AssertIntent(IntentIds.OutOfScope)
            .AssertMessageContains("Portuguese")
            .AssertMessageContains("emergency number")
            .AssertMessageContains("ligue agora para o número de emergência")
            .AssertMessageContains("findahelpline.com")
            .Assert(a => a.Passages.Count == 0, "no article passages for a message SkinBot cannot read")
            .RunAsync();
    }

    [Theory]
    [InlineData("у меня шрамы от акне на щеках, что делать?", "Cyrillic script")]
    [InlineData("我脸上有很多痘坑,用什么激光比较好?", "Chinese")]
    public async Task A_message_in_another_script_gets_told_skinbot_reads_english_not_the_help_menu(string text, string script)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        await new Conversation(engine, Guid.NewGuid().ToString("N"))
            .Send(text)
            .AssertIntent(IntentIds.OutOfScope)
            .AssertMessageContains(script)
            .AssertMessageContains("findahelpline.com")
            .Assert(a => a.Passages.Count == 0, "no article passages for a message SkinBot cannot read")
            .RunAsync();
    }

    [Fact]
    public async Task Every_language_skinbot_can_name_by_its_words_has_a_help_line_and_every_help_line_names_one()
    {
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();
        using var lease = holder.Acquire();
        var file = lease.Knowledge.Intents.File;
        var nameable = file.OtherLanguageWords.Keys.Concat(ForeignScript.Names).ToHashSet(StringComparer.Ordinal);

        Assert.All(file.OtherLanguageWords.Keys, language => Assert.Contains(language, file.HelpLines.Keys));
        Assert.All(file.HelpLines.Keys, language => Assert.Contains(language, nameable));
        Assert.All(file.HelpLines.Values, line => Assert.Contains("findahelpline.com", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_crisis_read_in_another_language_also_says_where_to_turn_in_that_language_and_one_in_english_does_not()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        await new Conversation(engine, Guid.NewGuid().ToString("N"))
            .Send("я больше не хочу жить")
            .AssertUrgency(Urgency.Crisis)
            .AssertMessageContains("988")
            .AssertMessageContains("экстренную службу")
            .Send("i dont want to live anymore")
            .AssertUrgency(Urgency.Crisis)
            .Assert(a => a.Message?.Contains("экстренную", StringComparison.Ordinal) == false, "no Russian line beside an English message")
            .RunAsync();
    }

    [Fact]
    public async Task A_danger_said_in_another_language_gets_its_tier_from_that_languages_signs()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        await new Conversation(engine, Guid.NewGuid().ToString("N"))
            .Send("minha filha de 13 anos tá usando blusa de manga comprida nesse calor de 35 graus e não fala comigo, o que eu faço?")
            .AssertUrgency(Urgency.Crisis)
            .AssertMessageContains("findahelpline.com")
            .Assert(a => a.Passages.Count == 0, "no article passages beside a crisis reply")
            .RunAsync();
    }

    [Fact]
    public async Task The_safety_screen_still_reads_first_so_a_danger_said_in_english_inside_another_language_keeps_its_tier()
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());

        await new Conversation(engine, Guid.NewGuid().ToString("N"))
            .Send("hola, mi hermana tiene 15 y dice que she wants to kill herself por las cicatrices de acné, que hago")
            .AssertUrgency(Urgency.Crisis)
            .RunAsync();
    }
}

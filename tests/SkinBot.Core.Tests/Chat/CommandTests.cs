using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Core.Turns;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Chat;

/// <summary>Structured commands (slash commands, buttons, typed commands) through the turn pipeline and the real engine.</summary>
public sealed class CommandTests
{
    private static async Task<Answer> RunAsync(ChatCommand command, string text = "")
    {
        var turns = new TurnRunner([], KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), TimeProvider.System);
        var result = await turns.RunAsync(new ChatRequest(Platforms.Discord, "c", "u", text) { Command = command }, TurnOptions.None, CancellationToken.None);
        return result.Reply;
    }

    [Theory]
    [InlineData("boxcar", "Boxcar scars")]
    [InlineData("ice_pick", "Ice pick scars")]
    [InlineData("ice pick", "Ice pick scars")]
    [InlineData("rolling", "Rolling scars")]
    public async Task Scar_with_a_type_quotes_that_type(string type, string lead)
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, type)));

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Equal(lead, Assert.Single(answer.Passages).LeadTerm);
        Assert.Equal(1.0, answer.Confidence);
        Assert.NotNull(answer.Caveat);
    }

    [Fact]
    public async Task Scar_without_a_type_lists_the_three_types_in_article_order()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Scar));

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Equal(["Ice pick scars", "Boxcar scars", "Rolling scars"], answer.Passages.Select(p => p.LeadTerm));
    }

    [Fact]
    public async Task Scar_with_an_unknown_type_says_so_and_lists_the_known_ones()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, "keloid")));

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Contains("don't know a scar type called \"keloid\"", answer.Message, StringComparison.Ordinal);
        Assert.Equal(["Ice pick scars", "Boxcar scars", "Rolling scars"], answer.Passages.Select(p => p.LeadTerm));
    }

    [Fact]
    public async Task An_unknown_type_is_shortened_when_echoed()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, new string('x', 500))));

        Assert.True(answer.Message!.Length < 200);
        Assert.Contains("…", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prevent_quotes_the_prevention_advice()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Prevent));

        Assert.Equal(IntentIds.Prevention, answer.Intent);
        Assert.NotEmpty(answer.Passages);
        Assert.All(answer.Passages, p => Assert.Contains(p.SectionId, new[] { "prevention", "bottom-line" }));
    }

    [Fact]
    public async Task Camouflage_quotes_the_make_up_article_with_its_caveat()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Camouflage));

        Assert.Equal(IntentIds.Camouflage, answer.Intent);
        Assert.NotEmpty(answer.Passages);
        Assert.All(answer.Passages, p => Assert.StartsWith("camouflage-", p.SectionId, StringComparison.Ordinal));
        Assert.NotNull(answer.Caveat);
    }

    [Fact]
    public async Task Treatments_at_home_named_retinol_quotes_the_retinol_passage()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, "at_home"), (CommandNames.NameOption, "retinol")));

        Assert.Equal(IntentIds.TreatmentAtHome, answer.Intent);
        Assert.Equal("Retinol", Assert.Single(answer.Passages).LeadTerm);
        Assert.False(answer.LowConfidence);
    }

    [Theory]
    [InlineData("subcison", "Subcision")]
    [InlineData("vit c", "Vitamin C")]
    [InlineData("Fraxel", "Laser")]
    public async Task Treatments_by_name_accept_typos_and_other_spellings(string name, string lead)
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Treatments, (CommandNames.NameOption, name)));

        Assert.Equal(lead, answer.Passages[0].LeadTerm);
    }

    [Fact]
    public async Task Treatments_with_an_unknown_name_says_the_article_does_not_cover_it_and_lists_the_options()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, "in_office"), (CommandNames.NameOption, "botox")));

        Assert.Equal(IntentIds.TreatmentInOffice, answer.Intent);
        Assert.True(answer.LowConfidence);
        Assert.True(answer.NotCovered);
        Assert.StartsWith("The article doesn't cover \"botox\".", answer.Message, StringComparison.Ordinal);
        Assert.Contains("Subcision", answer.Message, StringComparison.Ordinal);
        Assert.All(answer.Passages, p => Assert.Equal("treatments-in-office", p.SectionId));
    }

    [Theory]
    [InlineData("at_home", IntentIds.TreatmentAtHome, "treatments-at-home")]
    [InlineData("in_office", IntentIds.TreatmentInOffice, "treatments-in-office")]
    public async Task Treatments_by_setting_quote_that_setting_only(string where, string intent, string section)
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, where)));

        Assert.Equal(intent, answer.Intent);
        Assert.All(answer.Passages, p => Assert.Equal(section, p.SectionId));
    }

    [Theory]
    [InlineData("rolling", "rolling-scar-treatment")]
    [InlineData("ice_pick", "ice-pick-scar-treatment")]
    [InlineData("boxcar", "boxcar-scar-treatment")]
    public async Task Treatments_for_a_scar_type_lead_with_that_type(string scar, string section)
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, "all"), (CommandNames.ForScarOption, scar)));

        Assert.Equal("treatment_by_scar_type", answer.Intent);
        Assert.Equal(section, answer.Passages[0].SectionId);
        Assert.False(string.IsNullOrWhiteSpace(answer.Caveat));
    }

    [Fact]
    public async Task Treatments_for_all_settings_lists_both()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, "all")));

        Assert.Equal(IntentIds.TreatmentAny, answer.Intent);
        Assert.Contains("At home: Retinol", answer.Message, StringComparison.Ordinal);
        Assert.Contains("In office: Microneedling with radiofrequency", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_introduces_SkinBot_without_quoting_the_corpus()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Help));

        Assert.Equal(IntentIds.GreetingHelp, answer.Intent);
        Assert.Empty(answer.Passages);
        Assert.NotEmpty(answer.FollowUps);
    }

    [Fact]
    public async Task Ask_answers_its_question_option_like_a_message()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, "what are boxcar scars?")), text: "ignored");

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Equal("Boxcar scars", answer.Passages[0].LeadTerm);
    }

    [Fact]
    public async Task An_unknown_command_gets_help()
    {
        var answer = await RunAsync(new ChatCommand("dance", new Dictionary<string, string>()));

        Assert.Equal(IntentIds.GreetingHelp, answer.Intent);
    }

    [Fact]
    public async Task The_topic_catalog_lists_every_treatment_with_its_setting()
    {
        var holder = await KnowledgeBases.SharedRepositoryCorpusAsync();

        Assert.Equal(
            ["Retinol", "Alpha hydroxy acids", "Vitamin C", "Dermarolling", "Prescription retinoids"],
            holder.Treatments.Where(t => t.Setting == TreatmentSetting.AtHome).Select(t => t.Name));
        Assert.Equal(
            ["Microneedling with radiofrequency", "Laser", "Chemical peels", "Surgical scar revision", "Subcision", "Others"],
            holder.Treatments.Where(t => t.Setting == TreatmentSetting.InOffice).Select(t => t.Name));
    }

    [Theory]
    [InlineData(CommandNames.Treatments, CommandNames.NameOption, "my cheek has red streaks spreading and I have a fever")]
    [InlineData(CommandNames.Scar, CommandNames.ScarTypeOption, "spreading redness and a fever")]
    [InlineData(CommandNames.Ask, CommandNames.QuestionOption, "my face is swelling fast after a peel")]
    public async Task Urgent_symptoms_typed_into_a_command_get_the_seek_care_reply(string name, string option, string value)
    {
        var answer = await RunAsync(ChatCommand.Of(name, (option, value)));

        Assert.Equal(IntentIds.Urgent, answer.Intent);
        Assert.Empty(answer.Passages);
    }

    [Fact]
    public async Task Urgent_symptoms_in_the_text_of_a_command_message_get_the_seek_care_reply()
    {
        var answer = await RunAsync(ChatCommand.Of(CommandNames.Prevent), "/prevent I have a high fever and swelling");

        Assert.Equal(IntentIds.Urgent, answer.Intent);
    }
}

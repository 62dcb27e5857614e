using SkinBot.Core.Chat;

namespace SkinBot.Core.Tests.Chat;

/// <summary>Commands typed as text: a slash always means a command; without one, only a bare command is.</summary>
public sealed class TypedCommandParserTests
{
    private static string Describe(ChatCommand? command) =>
        command is null ? "null" : $"{command.Name}({string.Join(", ", command.Options.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}"))})";

    [Theory]
    [InlineData("/scar boxcar", "scar(type=boxcar)")]
    [InlineData("/scar box car", "scar(type=boxcar)")]
    [InlineData("/scar type:ice-pick", "scar(type=ice_pick)")]
    [InlineData("scar ice pick", "scar(type=ice_pick)")]
    [InlineData("Scars rolling!", "scar(type=rolling)")]
    [InlineData("/scar", "scar()")]
    [InlineData("scar", "scar()")]
    [InlineData("/scar keloid", "scar(type=keloid)")]
    [InlineData("/ scar boxcar", "scar(type=boxcar)")]
    [InlineData("/prevent", "prevent()")]
    [InlineData("/camouflage", "camouflage()")]
    [InlineData("camouflage", "camouflage()")]
    [InlineData("prevention", "prevent()")]
    [InlineData("/prevent scarring please", "prevent()")]
    [InlineData("/treatments", "treatments(where=all)")]
    [InlineData("treatments", "treatments(where=all)")]
    [InlineData("/treatments at home retinol", "treatments(name=retinol, where=at_home)")]
    [InlineData("treatments in office", "treatments(where=in_office)")]
    [InlineData("treatment clinic subcision", "treatments(name=subcision, where=in_office)")]
    [InlineData("/treatments retinol", "treatments(name=retinol, where=all)")]
    [InlineData("/treatments all", "treatments(where=all)")]
    [InlineData("/treatments rolling", "treatments(scar=rolling, where=all)")]
    [InlineData("treatments for ice pick scars", "treatments(scar=ice_pick, where=all)")]
    [InlineData("help", "help()")]
    [InlineData("/start", "help()")]
    [InlineData("/skinbot", "help()")]
    [InlineData("/skinbot help", "help()")]
    [InlineData("/ask what are pockmarks?", "ask(question=what are pockmarks)")]
    public void A_command_is_read(string text, string expected)
    {
        Assert.Equal(expected, Describe(TypedCommandParser.TryParse(text)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("scars from acne keep me up at night")]
    [InlineData("scar keloid")]
    [InlineData("prevent scarring please")]
    [InlineData("treatments retinol")]
    [InlineData("help me with my pockmarks")]
    [InlineData("ask what are pockmarks")]
    [InlineData("/ask")]
    [InlineData("what are boxcar scars?")]
    [InlineData("/unknown command")]
    [InlineData("/123")]
    [InlineData("skinbot")]
    public void Ordinary_sentences_and_unknown_commands_are_not_commands(string? text)
    {
        Assert.Null(TypedCommandParser.TryParse(text));
    }

    [Fact]
    public void Command_options_are_trimmed_case_insensitive_and_blank_ones_dropped()
    {
        var command = ChatCommand.Of("Treatments", ("where", "  at_home "), ("name", "   "), ("question", null));

        Assert.Equal("treatments", command.Name);
        Assert.Equal("at_home", command.Option("WHERE"));
        Assert.Null(command.Option("name"));
        Assert.Single(command.Options);
    }
}

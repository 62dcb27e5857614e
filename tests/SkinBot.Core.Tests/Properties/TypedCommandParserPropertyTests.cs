using CsCheck;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Testing.Hostile;

namespace SkinBot.Core.Tests.Properties;

/// <summary>The typed-command parser reads anything a person types and only ever yields SkinBot's own commands.</summary>
public sealed class TypedCommandParserPropertyTests
{
    private static readonly HashSet<string> Commands = [CommandNames.Scar, CommandNames.Prevent, CommandNames.Treatments, CommandNames.Ask, CommandNames.Help];
    private static readonly HashSet<string?> ScarTypes = [null, ScarTypeNames.IcePick, ScarTypeNames.Boxcar, ScarTypeNames.Rolling];

    [Fact]
    public void Any_text_parses_to_nothing_or_to_a_known_command_with_trimmed_options()
    {
        HostileText.Message.Sample(text =>
        {
            var command = TypedCommandParser.TryParse(text);
            if (command is null)
            {
                return;
            }

            Assert.Contains(command.Name, Commands);
            Assert.All(command.Options.Values, value =>
            {
                Assert.False(string.IsNullOrWhiteSpace(value));
                Assert.Equal(value.Trim(), value);
            });
        }, iter: PropertyRuns.Iterations(20_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void A_scar_command_names_one_of_the_three_scar_types_or_keeps_what_was_typed()
    {
        Gen.Select(Gen.OneOf("/scar ", "/scars ", "scar "), HostileText.Message, (lead, rest) => lead + rest).Sample(text =>
        {
            if (TypedCommandParser.TryParse(text) is { Name: CommandNames.Scar } command && command.Option(CommandNames.ScarTypeOption) is { } type)
            {
                // An unknown type is kept as typed (the engine says it does not know it); a known one is its id.
                Assert.True(ScarTypes.Contains(type) || text.Contains(type, StringComparison.OrdinalIgnoreCase), $"'{type}' came from nowhere in '{text}'");
            }
        }, iter: PropertyRuns.Iterations(5_000), seed: PropertyRuns.Seed);
    }

    [Fact]
    public void Text_without_a_slash_that_is_more_than_a_command_stays_a_question()
    {
        Gen.Select(HostileText.Word.Array[3, 12], words => "scars " + string.Join(' ', words) + " keep me up at night").Sample(text =>
        {
            Assert.Null(TypedCommandParser.TryParse(text));
        }, iter: PropertyRuns.Iterations(2_000), seed: PropertyRuns.Seed);
    }
}

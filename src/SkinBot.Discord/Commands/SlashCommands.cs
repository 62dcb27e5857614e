using SkinBot.Core.Chat;
using SkinBot.Core.Domain;

namespace SkinBot.Discord.Commands;

/// <summary>
/// The one definition of SkinBot's slash commands. Registration sends exactly this list, the translator reads
/// interactions against these names, and <see cref="CommandDefinitionValidator"/> checks it against Discord's limits.
/// </summary>
internal static class SlashCommands
{
    /// <summary>Every command has it: true makes the reply ephemeral (flag 64), visible only to the asker.</summary>
    public const string PrivateOption = "private";

    /// <summary>"/skinbot help", "/skinbot privacy", "/skinbot forget": the bot's own name as the command, these as its subcommands.</summary>
    public const string SkinBot = "skinbot";

    public static IReadOnlyList<ApplicationCommand> All { get; } =
    [
        new(CommandNames.Scar, "What each type of pitted acne scar (ice pick, boxcar, rolling) looks like",
        [
            new(CommandOptionType.String, CommandNames.ScarTypeOption, "Which scar type; leave out to compare all three")
            {
                Choices =
                [
                    new("ice pick", ScarTypeNames.IcePick),
                    new("boxcar", ScarTypeNames.Boxcar),
                    new("rolling", ScarTypeNames.Rolling),
                ],
            },
            Private(),
        ]),
        new(CommandNames.Prevent, "How to keep acne from leaving pitted scars", [Private()]),
        new(CommandNames.Camouflage, "Covering acne scars and marks with make-up", [Private()]),
        new(CommandNames.Treatments, "Treatments for pitted acne scars, at home or in a dermatologist's office",
        [
            new(CommandOptionType.String, CommandNames.WhereOption, "Where the treatment is done")
            {
                Required = true,
                Choices =
                [
                    new("at home", TreatmentSettingNames.AtHome),
                    new("in office", TreatmentSettingNames.InOffice),
                    new("all", TreatmentSettingNames.All),
                ],
            },
            new(CommandOptionType.String, CommandNames.NameOption, "A treatment to read about, e.g. retinol or subcision")
            {
                Autocomplete = true,
                MaxLength = 100,
            },
            new(CommandOptionType.String, CommandNames.ForScarOption, "Only the treatments that suit this scar type")
            {
                Choices =
                [
                    new("ice pick", ScarTypeNames.IcePick),
                    new("boxcar", ScarTypeNames.Boxcar),
                    new("rolling", ScarTypeNames.Rolling),
                ],
            },
            Private(),
        ]),
        new(CommandNames.Ask, "Ask SkinBot anything about pitted acne scars",
        [
            new(CommandOptionType.String, CommandNames.QuestionOption, "Your question")
            {
                Required = true,
                MinLength = 2,
                MaxLength = 500,
            },
            Private(),
        ]),
        new(SkinBot, "About SkinBot",
        [
            new(CommandOptionType.SubCommand, CommandNames.Help, "What SkinBot can answer and how to ask")
            {
                Options = [Private()],
            },

            // About the asker alone, so always answered privately: no private option to forget.
            new(CommandOptionType.SubCommand, CommandNames.Privacy, "What SkinBot keeps about you, and for how long"),
            new(CommandOptionType.SubCommand, CommandNames.Forget, "Delete your votes and what SkinBot remembers of your chat"),
        ]),
    ];

    private static CommandOption Private() =>
        new(CommandOptionType.Boolean, PrivateOption, "Only you see the answer");
}

using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Discord.Interactions;

namespace SkinBot.Discord.Commands;

/// <summary>Turns a slash-command interaction into the platform-neutral <see cref="ChatCommand"/>. Option values are untrusted.</summary>
internal static class SlashCommandTranslator
{
    /// <returns>The command and whether the reply is private, or null for a command SkinBot does not define.</returns>
    public static (ChatCommand Command, string Text, bool Private)? Translate(InteractionData? data)
    {
        if (data?.Name is not { } name)
        {
            return null;
        }

        var options = data.Options ?? [];
        if (name == SlashCommands.SkinBot)
        {
            var sub = options.FirstOrDefault(o => o.Type == Commands.CommandOptionType.SubCommand);
            return sub?.Name switch
            {
                CommandNames.Help => (ChatCommand.Of(CommandNames.Help), "/skinbot help", IsPrivate(sub.Options)),

                // What is kept about the asker, and deleting it, is nobody else's business: always private.
                CommandNames.Privacy => (ChatCommand.Of(CommandNames.Privacy), "/skinbot privacy", true),
                CommandNames.Forget => (ChatCommand.Of(CommandNames.Forget), "/skinbot forget", true),
                _ => null,
            };
        }

        var isPrivate = IsPrivate(options);
        switch (name)
        {
            case CommandNames.Scar:
                var rawType = Value(options, CommandNames.ScarTypeOption);
                var type = ScarTypeNames.Parse(rawType)?.ToName() ?? rawType;
                return (ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, type)), Join("/scar", rawType), isPrivate);
            case CommandNames.Prevent:
                return (ChatCommand.Of(CommandNames.Prevent), "/prevent", isPrivate);
            case CommandNames.Camouflage:
                return (ChatCommand.Of(CommandNames.Camouflage), "/camouflage", isPrivate);
            case CommandNames.Treatments:
                var rawWhere = Value(options, CommandNames.WhereOption);
                var where = (TreatmentSettingNames.Parse(rawWhere) ?? TreatmentSetting.All).ToName();
                var treatment = Value(options, CommandNames.NameOption);
                var rawScar = Value(options, CommandNames.ForScarOption);
                var scar = ScarTypeNames.Parse(rawScar)?.ToName() ?? rawScar;
                return (ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, where), (CommandNames.ForScarOption, scar), (CommandNames.NameOption, treatment)),
                    Join(Join(Join("/treatments", where), scar), treatment), isPrivate);
            case CommandNames.Ask:
                var question = Value(options, CommandNames.QuestionOption) ?? string.Empty;
                return (ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, question)), question, isPrivate);
            default:
                return null;
        }
    }

    internal static string? Value(IReadOnlyList<InteractionOption>? options, string name) =>
        options?.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))?.StringValue?.Trim();

    private static bool IsPrivate(IReadOnlyList<InteractionOption>? options) =>
        string.Equals(Value(options, SlashCommands.PrivateOption), "true", StringComparison.OrdinalIgnoreCase);

    private static string Join(string head, string? tail) => string.IsNullOrWhiteSpace(tail) ? head : head + " " + tail;
}

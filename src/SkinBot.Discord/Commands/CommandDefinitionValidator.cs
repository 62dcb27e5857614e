using System.Text.RegularExpressions;

namespace SkinBot.Discord.Commands;

/// <summary>
/// Checks command definitions against Discord's documented limits before anything is sent, so a bad definition
/// fails the registration with a clear message instead of a 50035 from Discord (or a silently dropped option).
/// </summary>
internal static partial class CommandDefinitionValidator
{
    private const int MaxOptions = 25;
    private const int MaxChoices = 25;
    private const int MaxDescription = 100;
    private const int MaxChoiceLength = 100;
    private const int MaxCommandText = 8000;
    private const int MaxGlobalChatInputCommands = 100;

    public static IReadOnlyList<string> Validate(IReadOnlyList<ApplicationCommand> commands)
    {
        var errors = new List<string>();
        if (commands.Count > MaxGlobalChatInputCommands)
        {
            errors.Add($"{commands.Count} commands; Discord allows {MaxGlobalChatInputCommands} chat-input commands.");
        }

        AddDuplicateErrors(errors, commands.Select(c => c.Name), "command list");
        foreach (var command in commands)
        {
            CheckName(errors, command.Name, $"/{command.Name}");
            CheckDescription(errors, command.Description, $"/{command.Name}");
            CheckOptions(errors, command.Options, $"/{command.Name}");
            var total = TextLength(command);
            if (total > MaxCommandText)
            {
                errors.Add($"/{command.Name}: {total} characters of names, descriptions and values; Discord allows {MaxCommandText}.");
            }
        }

        return errors;
    }

    private static void CheckOptions(List<string> errors, IReadOnlyList<CommandOption>? options, string path)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > MaxOptions)
        {
            errors.Add($"{path}: {options.Count} options; Discord allows {MaxOptions}.");
        }

        AddDuplicateErrors(errors, options.Select(o => o.Name), path);
        var subcommands = options.Count(o => o.Type is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup);
        if (subcommands > 0 && subcommands < options.Count)
        {
            errors.Add($"{path}: subcommands cannot sit beside ordinary options.");
        }

        var seenOptional = false;
        foreach (var option in options)
        {
            var where = $"{path} {option.Name}";
            CheckName(errors, option.Name, where);
            CheckDescription(errors, option.Description, where);
            if (option.Required == true && seenOptional)
            {
                errors.Add($"{where}: required options must come before optional ones.");
            }

            seenOptional |= option.Required != true;
            CheckChoices(errors, option, where);
            if (option.MinLength is < 0 or > 6000 || option.MaxLength is < 1 or > 6000 || option.MinLength > option.MaxLength)
            {
                errors.Add($"{where}: min_length must be 0-6000, max_length 1-6000, and min ≤ max.");
            }

            if (option.Options is not null && option.Type is not (CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup))
            {
                errors.Add($"{where}: only subcommands and groups have nested options.");
            }

            CheckOptions(errors, option.Options, where);
        }
    }

    private static void CheckChoices(List<string> errors, CommandOption option, string where)
    {
        if (option.Choices is null)
        {
            return;
        }

        if (option.Autocomplete == true)
        {
            errors.Add($"{where}: autocomplete cannot be combined with choices.");
        }

        if (option.Choices.Count > MaxChoices)
        {
            errors.Add($"{where}: {option.Choices.Count} choices; Discord allows {MaxChoices}.");
        }

        foreach (var choice in option.Choices)
        {
            if (choice.Name.Length is < 1 or > MaxChoiceLength || choice.Value.Length > MaxChoiceLength)
            {
                errors.Add($"{where}: choice \"{choice.Name}\" must have a 1-100 character name and a value of at most 100.");
            }
        }
    }

    private static void CheckName(List<string> errors, string name, string where)
    {
        if (!NamePattern().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add($"{where}: name \"{name}\" must be 1-32 lowercase letters, digits, '-', '_' or '\\''.");
        }
    }

    private static void CheckDescription(List<string> errors, string description, string where)
    {
        if (description.Length is < 1 or > MaxDescription)
        {
            errors.Add($"{where}: description must be 1-{MaxDescription} characters (it has {description.Length}).");
        }
    }

    private static void AddDuplicateErrors(List<string> errors, IEnumerable<string> names, string where)
    {
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{where}: name \"{duplicate.Key}\" is used more than once.");
        }
    }

    private static int TextLength(ApplicationCommand command) =>
        command.Name.Length + command.Description.Length + command.Options.Sum(OptionTextLength);

    private static int OptionTextLength(CommandOption option) =>
        option.Name.Length + option.Description.Length
        + (option.Choices?.Sum(c => c.Name.Length + c.Value.Length) ?? 0)
        + (option.Options?.Sum(OptionTextLength) ?? 0);

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

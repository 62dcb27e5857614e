using System.Text.RegularExpressions;
using SkinBot.Core.Domain;

namespace SkinBot.Core.Chat;

/// <summary>
/// Reads the command vocabulary when it is typed as text (Teams command menu, web chat, CLI):
/// <c>/scar boxcar</c>, <c>scar ice pick</c>, <c>prevent</c>, <c>treatments at home retinol</c>, <c>help</c>.
/// Without a leading slash a message is only taken as a command when it is nothing but the command,
/// so "scars from acne keep me up at night" stays a question.
/// </summary>
public static partial class TypedCommandParser
{
    public static ChatCommand? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var slashed = trimmed.StartsWith('/');
        if (slashed)
        {
            trimmed = trimmed[1..].TrimStart();
        }

        var match = VerbPattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value.Trim().TrimEnd('.', '!', '?').Trim();
        return verb switch
        {
            "scar" or "scars" => ParseScar(rest, slashed),
            "prevent" or "prevention" when rest.Length == 0 || slashed => ChatCommand.Of(CommandNames.Prevent),
            "camouflage" when rest.Length == 0 || slashed => ChatCommand.Of(CommandNames.Camouflage),
            "treatment" or "treatments" => ParseTreatments(rest, slashed),
            "help" or "start" when rest.Length == 0 || slashed => ChatCommand.Of(CommandNames.Help),
            "ask" when slashed && rest.Length > 0 => ChatCommand.Of(CommandNames.Ask, (CommandNames.QuestionOption, rest)),
            "privacy" when rest.Length == 0 || slashed => ChatCommand.Of(CommandNames.Privacy),
            "forget" when rest.Length == 0 || rest.Equals("me", StringComparison.OrdinalIgnoreCase) => ChatCommand.Of(CommandNames.Forget),
            "skinbot" when slashed && (rest.Length == 0 || rest.Equals("help", StringComparison.OrdinalIgnoreCase)) => ChatCommand.Of(CommandNames.Help),
            "skinbot" when slashed && rest.Equals(CommandNames.Privacy, StringComparison.OrdinalIgnoreCase) => ChatCommand.Of(CommandNames.Privacy),
            "skinbot" when slashed && rest.Equals(CommandNames.Forget, StringComparison.OrdinalIgnoreCase) => ChatCommand.Of(CommandNames.Forget),
            _ => null,
        };
    }

    private static string? ScarName(string? value) => ScarTypeNames.Parse(value)?.ToName();

    private static string? SettingName(string? value) => TreatmentSettingNames.Parse(value)?.ToName();

    private static ChatCommand? ParseScar(string rest, bool slashed)
    {
        if (rest.Length == 0)
        {
            return ChatCommand.Of(CommandNames.Scar);
        }

        var type = ScarName(rest.StartsWith("type:", StringComparison.OrdinalIgnoreCase) ? rest[5..] : rest);
        if (type is not null)
        {
            return ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, type));
        }

        // "/scar something-else" is still the command (the engine says which types it knows);
        // unslashed "scar something-else" is an ordinary sentence.
        return slashed ? ChatCommand.Of(CommandNames.Scar, (CommandNames.ScarTypeOption, rest)) : null;
    }

    private static ChatCommand? ParseTreatments(string rest, bool slashed)
    {
        if (rest.Length == 0)
        {
            return ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, TreatmentSettingNames.All));
        }

        // "/treatments rolling" or "treatments for ice pick scars": the treatments that suit that scar type.
        var forScar = rest.StartsWith("for ", StringComparison.OrdinalIgnoreCase) ? rest[4..] : rest;
        if (ScarName(forScar) is { } scarType)
        {
            return ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, TreatmentSettingNames.All), (CommandNames.ForScarOption, scarType));
        }

        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var take in new[] { 2, 1 })
        {
            if (words.Length < take)
            {
                continue;
            }

            var setting = SettingName(string.Join(' ', words[..take]));
            if (setting is not null)
            {
                var name = string.Join(' ', words[take..]);
                return ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, setting), (CommandNames.NameOption, name));
            }
        }

        return slashed
            ? ChatCommand.Of(CommandNames.Treatments, (CommandNames.WhereOption, TreatmentSettingNames.All), (CommandNames.NameOption, rest))
            : null;
    }

    [GeneratedRegex(@"^(?<verb>[A-Za-z]+)(?:\s+(?<rest>.*))?$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex VerbPattern();

}

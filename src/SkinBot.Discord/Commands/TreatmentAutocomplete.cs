using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Discord.Interactions;
using SkinBot.Discord.Rendering;

namespace SkinBot.Discord.Commands;

/// <summary>
/// Suggestions for <c>/treatments name:</c>, from the live corpus's treatment terms, narrowed by the partial input
/// and by the <c>where</c> option when it is already filled in. Names that start with the input come first.
/// </summary>
internal static class TreatmentAutocomplete
{
    public static IReadOnlyList<AutocompleteChoice> Suggest(InteractionData? data, ITopicCatalog? catalog)
    {
        if (catalog is null || data?.Name != CommandNames.Treatments)
        {
            return [];
        }

        var focused = Focused(data.Options);
        if (focused?.Name != CommandNames.NameOption)
        {
            return [];
        }

        var partial = (focused.StringValue ?? string.Empty).Trim();
        var where = TreatmentSettingNames.Parse(SlashCommandTranslator.Value(data.Options, CommandNames.WhereOption)) ?? TreatmentSetting.All;
        return [.. catalog.Treatments
            .Where(t => where == TreatmentSetting.All || t.Setting == where)
            .Select(t => t.Name.Trim())
            .Where(n => n.Length is > 0 and <= DiscordLimits.ChoiceName && n.Contains(partial, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n.StartsWith(partial, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(n => new AutocompleteChoice(n, n))];
    }

    private static InteractionOption? Focused(IReadOnlyList<InteractionOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Focused == true)
            {
                return option;
            }

            if (Focused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}

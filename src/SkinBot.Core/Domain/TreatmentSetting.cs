namespace SkinBot.Core.Domain;

/// <summary>Where a treatment is done: the articles list at-home and in-office options separately.</summary>
public enum TreatmentSetting
{
    AtHome,
    InOffice,

    /// <summary>Both lists: a message that names both settings, or a command that asks for all treatments.</summary>
    All,
}

/// <summary>The stable wire names of <see cref="TreatmentSetting"/> (command options, intents.yml <c>setting:</c>), and the reading of what people type for one.</summary>
public static class TreatmentSettingNames
{
    public const string AtHome = "at_home";
    public const string InOffice = "in_office";
    public const string All = "all";

    public static string ToName(this TreatmentSetting setting) => setting switch
    {
        TreatmentSetting.AtHome => AtHome,
        TreatmentSetting.InOffice => InOffice,
        _ => All,
    };

    /// <summary>Reads a wire name or a way of writing one ("at home", "clinic", "both"); null for anything else.</summary>
    public static TreatmentSetting? Parse(string? value) => LettersOnly.Of(value) switch
    {
        "athome" or "home" or "diy" => TreatmentSetting.AtHome,
        "inoffice" or "office" or "clinic" or "professional" or "derm" => TreatmentSetting.InOffice,
        "all" or "any" or "both" => TreatmentSetting.All,
        _ => null,
    };

    /// <summary>Reads one list's setting, as intents.yml and the corpus give it: at_home or in_office only.</summary>
    public static TreatmentSetting? ParseList(string? value) => value switch
    {
        AtHome => TreatmentSetting.AtHome,
        InOffice => TreatmentSetting.InOffice,
        _ => null,
    };
}

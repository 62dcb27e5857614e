namespace SkinBot.Core.Chat;

/// <summary>The command vocabulary every platform exposes (slash commands, typed commands, Teams command lists).</summary>
public static class CommandNames
{
    public const string Scar = "scar";
    public const string Prevent = "prevent";
    public const string Camouflage = "camouflage";
    public const string Treatments = "treatments";
    public const string Ask = "ask";
    public const string Help = "help";

    /// <summary>What SkinBot keeps about the person and for how long; answered by the host, which knows its settings.</summary>
    public const string Privacy = "privacy";

    /// <summary>Delete the person's votes and conversation memory; answered by the host, which holds them.</summary>
    public const string Forget = "forget";

    /// <summary>Option of <see cref="Scar"/>: a <see cref="Domain.ScarTypeNames"/> wire name; absent lists all three.</summary>
    public const string ScarTypeOption = "type";

    /// <summary>Option of <see cref="Treatments"/>: a <see cref="Domain.TreatmentSettingNames"/> wire name.</summary>
    public const string WhereOption = "where";

    /// <summary>Option of <see cref="Treatments"/>: a scar type's wire name, for the treatments that suit that scar type.</summary>
    public const string ForScarOption = "scar";

    /// <summary>Option of <see cref="Treatments"/>: a treatment name such as "retinol".</summary>
    public const string NameOption = "name";

    /// <summary>Option of <see cref="Ask"/>: the free-text question.</summary>
    public const string QuestionOption = "question";
}

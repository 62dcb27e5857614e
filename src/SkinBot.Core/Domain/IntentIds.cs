namespace SkinBot.Core.Domain;

/// <summary>
/// Intents with behaviour of their own in the composer. Other intents can be added in intents.yml;
/// they answer from their sections like <see cref="Definition"/> does.
/// </summary>
public static class IntentIds
{
    public const string Definition = "definition";
    public const string ScarTypes = "scar_types";
    public const string Prevention = "prevention";
    public const string Permanence = "permanence";
    public const string TreatmentAtHome = "treatment_at_home";
    public const string TreatmentInOffice = "treatment_in_office";
    public const string TreatmentAny = "treatment_any";
    public const string GreetingHelp = "greeting_help";
    public const string OutOfScope = "out_of_scope";
    public const string Urgent = "urgent";

    /// <summary>Covering scars and marks with make-up: optional in intents.yml, answered by the <c>camouflage</c> command when present.</summary>
    public const string Camouflage = "camouflage";

    /// <summary>The treatment intent that answers from one list; both lists (or none named) is the any-treatment intent.</summary>
    public static string ForSetting(TreatmentSetting? setting) => setting switch
    {
        TreatmentSetting.AtHome => TreatmentAtHome,
        TreatmentSetting.InOffice => TreatmentInOffice,
        _ => TreatmentAny,
    };

    public static bool IsTreatment(string intent) =>
        intent is TreatmentAtHome or TreatmentInOffice or TreatmentAny;
}

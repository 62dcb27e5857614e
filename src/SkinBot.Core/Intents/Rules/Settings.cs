using SkinBot.Core.Chat;

namespace SkinBot.Core.Intents.Rules;

/// <summary>Treatment intents by setting: a named treatment is answered with the intent of its setting.</summary>
internal static class Settings
{
    public static string IntentOf(string? setting) => setting switch
    {
        CommandNames.Settings.AtHome => IntentIds.TreatmentAtHome,
        CommandNames.Settings.InOffice => IntentIds.TreatmentInOffice,
        _ => IntentIds.TreatmentAny,
    };
}

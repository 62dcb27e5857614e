namespace SkinBot.Core.Domain;

/// <summary>
/// How urgently a message needs a person rather than an article, most urgent first. The safety screen picks
/// the most urgent tier a message shows signs of; anything but <see cref="None"/> replaces the answer with
/// that tier's go-to-care reply, and adapters show it prominently, without treatment follow-ups.
/// </summary>
public enum Urgency
{
    /// <summary>No urgent signs: answer normally.</summary>
    None = 0,

    /// <summary>A mole or spot that changes, a sore that will not heal, a deep wound: book a doctor soon.</summary>
    SeeDoctorSoon = 1,

    /// <summary>Signs of a skin infection (spreading redness, pus, fever, red streaks): a doctor today.</summary>
    Infection = 2,

    /// <summary>A complication after a procedure (filler, peel, laser, device): the practitioner or emergency services now.</summary>
    Emergency = 3,

    /// <summary>Self-harm or suicidal thoughts: warm words and where to get help now, no skincare at all.</summary>
    Crisis = 4,
}

/// <summary>The stable wire names of <see cref="Urgency"/> (JSON, logs, eval sets, safety.yml).</summary>
public static class UrgencyNames
{
    public const string None = "none";
    public const string SeeDoctorSoon = "see_doctor";
    public const string Infection = "infection";
    public const string Emergency = "emergency";
    public const string Crisis = "crisis";

    public static string ToName(this Urgency urgency) => urgency switch
    {
        Urgency.SeeDoctorSoon => SeeDoctorSoon,
        Urgency.Infection => Infection,
        Urgency.Emergency => Emergency,
        Urgency.Crisis => Crisis,
        _ => None,
    };

    public static Urgency? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        None => Urgency.None,
        SeeDoctorSoon or "see_doctor_soon" => Urgency.SeeDoctorSoon,
        Infection => Urgency.Infection,
        Emergency => Urgency.Emergency,
        Crisis => Urgency.Crisis,
        _ => null,
    };
}

namespace SkinBot.Core.Domain;

/// <summary>The three kinds of pitted acne scar the articles tell apart; each has its own passage and treatments.</summary>
public enum ScarType
{
    IcePick,
    Boxcar,
    Rolling,
}

/// <summary>
/// The stable wire names of <see cref="ScarType"/> (command options, the answer's <c>topic</c>, conversation memory),
/// and the reading of what people type for one.
/// </summary>
public static class ScarTypeNames
{
    public const string IcePick = "ice_pick";
    public const string Boxcar = "boxcar";
    public const string Rolling = "rolling";

    public static readonly IReadOnlyList<ScarType> All = [ScarType.IcePick, ScarType.Boxcar, ScarType.Rolling];

    public static string ToName(this ScarType type) => type switch
    {
        ScarType.IcePick => IcePick,
        ScarType.Boxcar => Boxcar,
        _ => Rolling,
    };

    /// <summary>Reads a wire name exactly (what SkinBot itself stored); null for anything else.</summary>
    public static ScarType? FromName(string? name) => name switch
    {
        IcePick => ScarType.IcePick,
        Boxcar => ScarType.Boxcar,
        Rolling => ScarType.Rolling,
        _ => null,
    };

    /// <summary>Reads a wire name or a way of writing one ("ice pick", "Ice-pick scars", "box car", "roll"); null for anything else.</summary>
    public static ScarType? Parse(string? value)
    {
        var key = LettersOnly.Of(value);
        if (key.EndsWith("scars", StringComparison.Ordinal))
        {
            key = key[..^5];
        }
        else if (key.EndsWith("scar", StringComparison.Ordinal))
        {
            key = key[..^4];
        }

        return key switch
        {
            "icepick" or "ice" or "pick" => ScarType.IcePick,
            "boxcar" or "box" => ScarType.Boxcar,
            "rolling" or "roll" => ScarType.Rolling,
            _ => null,
        };
    }
}

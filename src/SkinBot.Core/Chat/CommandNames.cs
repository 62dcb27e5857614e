namespace SkinBot.Core.Chat;

/// <summary>The command vocabulary every platform exposes (slash commands, typed commands, Teams command lists).</summary>
public static class CommandNames
{
    public const string Scar = "scar";
    public const string Prevent = "prevent";
    public const string Treatments = "treatments";
    public const string Ask = "ask";
    public const string Help = "help";

    /// <summary>What SkinBot keeps about the person and for how long; answered by the host, which knows its settings.</summary>
    public const string Privacy = "privacy";

    /// <summary>Delete the person's votes and conversation memory; answered by the host, which holds them.</summary>
    public const string Forget = "forget";

    /// <summary>Option of <see cref="Scar"/>: ice_pick, boxcar or rolling; absent lists all three.</summary>
    public const string ScarTypeOption = "type";

    /// <summary>Option of <see cref="Treatments"/>: at_home, in_office or all.</summary>
    public const string WhereOption = "where";

    /// <summary>Option of <see cref="Treatments"/>: ice_pick, boxcar or rolling, for the treatments that suit that scar type.</summary>
    public const string ForScarOption = "scar";

    /// <summary>Option of <see cref="Treatments"/>: a treatment name such as "retinol".</summary>
    public const string NameOption = "name";

    /// <summary>Option of <see cref="Ask"/>: the free-text question.</summary>
    public const string QuestionOption = "question";

    public static class ScarTypes
    {
        public const string IcePick = "ice_pick";
        public const string Boxcar = "boxcar";
        public const string Rolling = "rolling";
        public static readonly IReadOnlyList<string> All = [IcePick, Boxcar, Rolling];
    }

    public static class Settings
    {
        public const string AtHome = "at_home";
        public const string InOffice = "in_office";
        public const string All = "all";
    }
}

namespace SkinBot.Core.Domain;

/// <summary>Which abuse limit refused a message: the sender's own, or the one shared by their channel.</summary>
public enum LimitScope
{
    User,
    Channel,
}

/// <summary>The stable wire names of <see cref="LimitScope"/> (metric labels, refusal reasons).</summary>
public static class LimitScopeNames
{
    public const string User = "user";
    public const string Channel = "channel";

    public static string ToName(this LimitScope scope) => scope == LimitScope.Channel ? Channel : User;
}

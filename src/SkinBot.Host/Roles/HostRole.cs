namespace SkinBot.Host.Roles;

/// <summary>
/// What one process of the image does (setting <c>Host:Role</c>). At scale the same image runs as stateless
/// <see cref="Web"/> replicas behind a Service and as <see cref="Gateway"/> pods that each own some Discord shards.
/// </summary>
public enum HostRole
{
    /// <summary>Everything in one process, as <c>dotnet run</c> has always done: the default.</summary>
    All,

    /// <summary>The HTTP doors (web chat, Discord interactions, Teams) and the operator endpoints; no gateway connection.</summary>
    Web,

    /// <summary>The Discord gateway session(s) and the operator endpoints only (health, readiness, metrics).</summary>
    Gateway,
}

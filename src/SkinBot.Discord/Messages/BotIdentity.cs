using System.Collections.Concurrent;

namespace SkinBot.Discord.Messages;

/// <summary>Who the bot is on Discord: its user id (from READY) and its managed roles (from GUILD_CREATE).</summary>
internal sealed class BotIdentity
{
    private readonly ConcurrentDictionary<Snowflake, Snowflake> _managedRoleByGuild = new();
    private long _userId;

    public Snowflake? UserId
    {
        get
        {
            var value = (ulong)Interlocked.Read(ref _userId);
            return value == 0 ? null : new Snowflake(value);
        }
    }

    public void SetUser(Snowflake id) => Interlocked.Exchange(ref _userId, (long)id.Value);

    public void SetManagedRole(Snowflake guildId, Snowflake roleId) => _managedRoleByGuild[guildId] = roleId;

    public bool IsManagedRole(Snowflake roleId) => _managedRoleByGuild.Values.Contains(roleId);

    public IEnumerable<Snowflake> ManagedRoles => _managedRoleByGuild.Values;
}

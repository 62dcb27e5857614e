using System.Collections.Concurrent;

namespace SkinBot.Discord.Messages;

/// <summary>Who the bot is on Discord: its user id (from READY) and its managed roles (from GUILD_CREATE).</summary>
internal sealed class BotIdentity
{
    private readonly ConcurrentDictionary<Snowflake, Snowflake> managedRoleByGuild = new();
    private long userId;

    public Snowflake? UserId
    {
        get
        {
            var value = (ulong)Interlocked.Read(ref userId);
            return value == 0 ? null : new Snowflake(value);
        }
    }

    public void SetUser(Snowflake id) => Interlocked.Exchange(ref userId, (long)id.Value);

    public void SetManagedRole(Snowflake guildId, Snowflake roleId) => managedRoleByGuild[guildId] = roleId;

    public bool IsManagedRole(Snowflake roleId) => managedRoleByGuild.Values.Contains(roleId);

    public IEnumerable<Snowflake> ManagedRoles => managedRoleByGuild.Values;
}

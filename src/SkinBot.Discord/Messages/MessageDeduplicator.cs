using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Remembers the most recent message and interaction ids, so an event replayed by a RESUME (or delivered twice)
/// is answered once. Bounded: the oldest ids are forgotten first.
/// </summary>
internal sealed class MessageDeduplicator(IOptions<DiscordOptions> options)
{
    private readonly int capacity = options.Value.DeduplicationCapacity;
    private readonly HashSet<Snowflake> seen = [];
    private readonly Queue<Snowflake> order = new();
    private readonly Lock gate = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryMark(Snowflake id)
    {
        lock (gate)
        {
            if (!seen.Add(id))
            {
                return false;
            }

            order.Enqueue(id);
            while (order.Count > capacity)
            {
                seen.Remove(order.Dequeue());
            }

            return true;
        }
    }
}

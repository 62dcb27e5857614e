using Microsoft.Extensions.Options;

namespace SkinBot.Discord.Messages;

/// <summary>
/// Remembers the most recent message and interaction ids, so an event replayed by a RESUME (or delivered twice)
/// is answered once. Bounded: the oldest ids are forgotten first.
/// </summary>
internal sealed class MessageDeduplicator(IOptions<DiscordOptions> options)
{
    private readonly int _capacity = options.Value.DeduplicationCapacity;
    private readonly HashSet<Snowflake> _seen = [];
    private readonly Queue<Snowflake> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryMark(Snowflake id)
    {
        lock (_gate)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            while (_order.Count > _capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}

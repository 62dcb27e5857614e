using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SkinBot.Core.State;
using SkinBot.Teams.Auth;

namespace SkinBot.Teams.Activities;

/// <summary>What the background workers answer after the HTTP request was acknowledged.</summary>
internal sealed record TurnWorkItem(TurnKind Kind, Activity Activity, TrustedServiceUrl ServiceUrl)
{
    /// <summary>The ordering key: one conversation is answered one activity at a time, in arrival order.</summary>
    public string ConversationId => Activity.Conversation?.Id ?? string.Empty;

    /// <summary>The connector address its reply goes to; each address has its own share of the queue.</summary>
    public string Destination => ServiceUrl.BaseUrl;
}

internal enum TurnKind
{
    Message,
    Welcome,
}

internal enum EnqueueResult
{
    Accepted,

    /// <summary>Too much work waiting; Teams should come back later.</summary>
    Full,

    /// <summary>Too much work for this activity's connector address (a slow one); Teams should come back later.</summary>
    DestinationFull,

    /// <summary>Shutting down; Teams should deliver the activity again (to this instance once it is back, or another).</summary>
    Closed,
}

/// <summary>
/// Bounded hand-off between the messaging endpoint (which must acknowledge quickly) and the workers that answer,
/// partitioned by conversation: two quick messages in one chat are answered in order and never race on the
/// engine's conversation memory, while other conversations are answered in parallel. A conversation with work is
/// either waiting in <see cref="Ready"/> or held (by a worker, then by the delivery of its reply), never both. Counts
/// work in flight so tests and shutdown can wait for quiet, and per connector address so a slow one fills only its
/// own share.
/// </summary>
internal sealed class TurnQueue
{
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly KeyedWorkQueue<string, TurnWorkItem> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pendingByDestination = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly int _capacityPerDestination;
    private int _waiting;
    private bool _closed;

    public TurnQueue(IOptions<TeamsOptions> options)
    {
        _capacity = options.Value.QueueCapacity;
        _capacityPerDestination = options.Value.MaxPendingPerServiceUrl;
    }

    /// <summary>
    /// Conversations with an activity to answer. A worker that reads one calls <see cref="Take"/> once, answers
    /// the item, then (itself or the reply's delivery) <see cref="Completed"/>. Ends when the queue is closed and everything accepted is answered.
    /// </summary>
    public ChannelReader<string> Ready => _ready.Reader;

    /// <summary>Anything but <see cref="EnqueueResult.Accepted"/> means the caller tells Teams to come back later.</summary>
    public EnqueueResult TryEnqueue(TurnWorkItem item)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            // Only what waits counts against the capacity: activities being answered have left the queue.
            if (_waiting >= _capacity)
            {
                return EnqueueResult.Full;
            }

            var forDestination = _pendingByDestination.GetValueOrDefault(item.Destination);
            if (forDestination >= _capacityPerDestination)
            {
                return EnqueueResult.DestinationFull;
            }

            _conversations.TryAdd(item.ConversationId, item, int.MaxValue, out var schedule);
            _pendingByDestination[item.Destination] = forDestination + 1;
            _waiting++;
            if (schedule)
            {
                // Otherwise already scheduled or being answered: its worker picks this up after the earlier ones.
                _ready.Writer.TryWrite(item.ConversationId);
            }

            return EnqueueResult.Accepted;
        }
    }

    /// <summary>The next activity of a conversation read from <see cref="Ready"/>.</summary>
    public TurnWorkItem Take(string conversationId)
    {
        lock (_gate)
        {
            _waiting--;
            return _conversations.Next(conversationId);
        }
    }

    /// <summary>Called when the item taken is fully handled (sent, failed or dropped).</summary>
    public void Completed(TurnWorkItem item)
    {
        lock (_gate)
        {
            if (--_pendingByDestination[item.Destination] == 0)
            {
                _pendingByDestination.Remove(item.Destination);
            }

            if (_conversations.Complete(item.ConversationId))
            {
                // Back of the line rather than straight on, so a chatty conversation cannot starve the others.
                _ready.Writer.TryWrite(item.ConversationId);
            }

            if (_closed && _conversations.Pending == 0)
            {
                _ready.Writer.TryComplete();
            }
        }
    }

    /// <summary>Completes when nothing is queued or being answered.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => _conversations.WhenIdleAsync(cancellationToken);

    /// <summary>Refuses new work; <see cref="Ready"/> ends once what was accepted is answered.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _closed = true;
            if (_conversations.Pending == 0)
            {
                _ready.Writer.TryComplete();
            }
        }
    }
}

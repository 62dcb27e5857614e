using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SkinBot.Teams.Auth;

namespace SkinBot.Teams.Activities;

/// <summary>What the background workers answer after the HTTP request was acknowledged.</summary>
internal sealed record TurnWorkItem(TurnKind Kind, Activity Activity, TrustedServiceUrl ServiceUrl);

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

    /// <summary>Shutting down; Teams should deliver the activity again (to this instance once it is back, or another).</summary>
    Closed,
}

/// <summary>
/// Bounded hand-off between the messaging endpoint (which must acknowledge quickly) and the workers that answer.
/// Counts work in flight so tests and shutdown can wait for quiet.
/// </summary>
internal sealed class TurnQueue
{
    private readonly Channel<TurnWorkItem> _channel;
    private readonly object _gate = new();
    private int _pending;
    private bool _closed;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public TurnQueue(IOptions<TeamsOptions> options)
    {
        _channel = Channel.CreateBounded<TurnWorkItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public ChannelReader<TurnWorkItem> Reader => _channel.Reader;

    /// <summary>Anything but <see cref="EnqueueResult.Accepted"/> means the caller tells Teams to come back later.</summary>
    public EnqueueResult TryEnqueue(TurnWorkItem item)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return EnqueueResult.Closed;
            }

            if (!_channel.Writer.TryWrite(item))
            {
                return EnqueueResult.Full;
            }

            if (_pending++ == 0)
            {
                _idle = NewIdle(completed: false);
            }

            return EnqueueResult.Accepted;
        }
    }

    /// <summary>Called by a worker when an item is fully handled (sent, failed or dropped).</summary>
    public void Completed()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes when nothing is queued or being answered.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Refuses new work; the readers finish once what was accepted is taken.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _closed = true;
            _channel.Writer.TryComplete();
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}

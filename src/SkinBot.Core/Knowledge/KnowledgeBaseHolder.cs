using SkinBot.Core.Corpus;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// Holds the knowledge base that is serving. Readers take a lease; a swap publishes the new base at once and
/// disposes the old one when its last lease is returned, so an answer in flight never loses its index.
/// </summary>
public sealed class KnowledgeBaseHolder : ITopicCatalog, IDisposable
{
    private readonly Lock _gate = new();
    private Entry? _current;

    /// <summary>Raised after a new knowledge base starts serving.</summary>
    public event Action<KnowledgeBase>? Swapped;

    public bool IsReady => Volatile.Read(ref _current) is not null;

    /// <summary>Fingerprint of the serving corpus, or null before the first build.</summary>
    public string? Fingerprint => Volatile.Read(ref _current)?.Knowledge.Fingerprint;

    public IReadOnlyList<TreatmentTopic> Treatments => Volatile.Read(ref _current)?.Knowledge.Treatments ?? [];

    /// <summary>Borrow the serving knowledge base; dispose the lease when done. Throws before the first build.</summary>
    public KnowledgeLease Acquire() =>
        TryAcquire() ?? throw new KnowledgeNotReadyException();

    public KnowledgeLease? TryAcquire()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return null;
            }

            _current.References++;
            return new KnowledgeLease(this, _current);
        }
    }

    public void Swap(KnowledgeBase next)
    {
        Entry? retired;
        lock (_gate)
        {
            retired = _current;
            _current = new Entry(next) { References = 1 };
        }

        if (retired is not null)
        {
            Release(retired);
        }

        Swapped?.Invoke(next);
    }

    internal void Release(Entry entry)
    {
        bool dispose;
        lock (_gate)
        {
            dispose = --entry.References == 0;
        }

        if (dispose)
        {
            entry.Knowledge.Dispose();
        }
    }

    public void Dispose()
    {
        Entry? retired;
        lock (_gate)
        {
            retired = _current;
            _current = null;
        }

        if (retired is not null)
        {
            Release(retired);
        }
    }

    internal sealed class Entry(KnowledgeBase knowledge)
    {
        public KnowledgeBase Knowledge { get; } = knowledge;

        /// <summary>One for being current, one per open lease.</summary>
        public int References { get; set; }
    }
}

/// <summary>A borrowed knowledge base; disposing returns it.</summary>
public sealed class KnowledgeLease : IDisposable
{
    private readonly KnowledgeBaseHolder _holder;
    private readonly KnowledgeBaseHolder.Entry _entry;
    private int _disposed;

    internal KnowledgeLease(KnowledgeBaseHolder holder, KnowledgeBaseHolder.Entry entry)
    {
        _holder = holder;
        _entry = entry;
    }

    public KnowledgeBase Knowledge => _entry.Knowledge;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _holder.Release(_entry);
        }
    }
}

/// <summary>Asked to answer before the first index was built.</summary>
public sealed class KnowledgeNotReadyException() : InvalidOperationException("The corpus index is not loaded yet.");

using SkinBot.Core.Corpus;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// Holds the knowledge base that is serving. Readers take a lease; a swap publishes the new base at once and
/// disposes the old one when its last lease is returned, so an answer in flight never loses its index.
/// </summary>
public sealed class KnowledgeBaseHolder : ITopicCatalog, IDisposable
{
    private readonly Lock gate = new();
    private Entry? current;

    /// <summary>Raised after a new knowledge base starts serving.</summary>
    public event Action<KnowledgeBase>? Swapped;

    public bool IsReady => Volatile.Read(ref current) is not null;

    /// <summary>Fingerprint of the serving corpus, or null before the first build.</summary>
    public string? Fingerprint => Volatile.Read(ref current)?.Knowledge.Fingerprint;

    public IReadOnlyList<TreatmentTopic> Treatments => Volatile.Read(ref current)?.Knowledge.Treatments ?? [];

    /// <summary>Borrow the serving knowledge base; dispose the lease when done. Throws before the first build.</summary>
    public KnowledgeLease Acquire() =>
        TryAcquire() ?? throw new KnowledgeNotReadyException();

    public KnowledgeLease? TryAcquire()
    {
        lock (gate)
        {
            if (current is null)
            {
                return null;
            }

            current.References++;
            return new KnowledgeLease(this, current);
        }
    }

    public void Swap(KnowledgeBase next)
    {
        Entry? retired;
        lock (gate)
        {
            retired = current;
            current = new Entry(next) { References = 1 };
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
        lock (gate)
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
        lock (gate)
        {
            retired = current;
            current = null;
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
    private readonly KnowledgeBaseHolder holder;
    private readonly KnowledgeBaseHolder.Entry entry;
    private int disposed;

    internal KnowledgeLease(KnowledgeBaseHolder holder, KnowledgeBaseHolder.Entry entry)
    {
        this.holder = holder;
        this.entry = entry;
    }

    public KnowledgeBase Knowledge => entry.Knowledge;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            holder.Release(entry);
        }
    }
}

/// <summary>Asked to answer before the first index was built.</summary>
public sealed class KnowledgeNotReadyException() : InvalidOperationException("The corpus index is not loaded yet.");

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SkinBot.Core.Answers;
using SkinBot.Core.Conversations;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Engine;

/// <summary>
/// Answers already worked out for the same words in the same conversation state, from the same corpus. Understanding a
/// message is a pure function of the text, the remembered subject and the knowledge base, and people ask the same few
/// questions over and over, so each is understood once per corpus build instead of on every message.
/// </summary>
/// <remarks>
/// The text is kept only as a SHA-256 digest, so the memo holds no question text. Two generations bound it: new answers
/// go to the young one; when that is full it becomes the old one and the previous old one is dropped; an answer found in
/// the old generation moves back to the young one. That keeps what is asked often at a cost of at most twice the
/// capacity, with no lock on the read path. A new knowledge base starts an empty memo, so nothing outlives its corpus.
/// </remarks>
public sealed class AnswerMemo
{
    private readonly int _generationSize;
    private State _state;

    /// <param name="capacity">Answers kept; 0 turns the memo off.</param>
    public AnswerMemo(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _generationSize = Math.Max(1, capacity / 2);
        IsEnabled = capacity > 0;
        _state = new State(null, new ConcurrentDictionary<MemoKey, Answer>(), new ConcurrentDictionary<MemoKey, Answer>());
    }

    public bool IsEnabled { get; }

    /// <summary>The memoised answer, or <paramref name="understand"/>'s, which is then remembered.</summary>
    public Answer GetOrAdd(KnowledgeBase knowledge, string text, ConversationContext? context, Func<Answer> understand)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(understand);
        if (!IsEnabled)
        {
            return understand();
        }

        var state = StateFor(knowledge);
        var key = MemoKey.Of(text, context);
        if (state.Young.TryGetValue(key, out var answer))
        {
            return answer;
        }

        if (!state.Old.TryGetValue(key, out answer))
        {
            answer = understand();
        }

        Remember(state, key, answer);
        return answer;
    }

    private State StateFor(KnowledgeBase knowledge)
    {
        var state = Volatile.Read(ref _state);
        if (ReferenceEquals(state.Knowledge, knowledge))
        {
            return state;
        }

        // A new corpus: start empty. A lost race only means another thread's fresh memo wins.
        var fresh = new State(knowledge, new ConcurrentDictionary<MemoKey, Answer>(), new ConcurrentDictionary<MemoKey, Answer>());
        var seen = Interlocked.CompareExchange(ref _state, fresh, state);
        return ReferenceEquals(seen, state) ? fresh : seen;
    }

    private void Remember(State state, MemoKey key, Answer answer)
    {
        state.Young[key] = answer;
        if (state.Young.Count < _generationSize)
        {
            return;
        }

        // Young is full: it becomes old, and the old generation is dropped. Only one thread wins the swap.
        var aged = state with { Old = state.Young, Young = new ConcurrentDictionary<MemoKey, Answer>() };
        Interlocked.CompareExchange(ref _state, aged, state);
    }

    private sealed record State(KnowledgeBase? Knowledge, ConcurrentDictionary<MemoKey, Answer> Young, ConcurrentDictionary<MemoKey, Answer> Old);

    /// <summary>
    /// The text, and what of the conversation the answer depends on: its topic, whether a crisis reply or a near
    /// miss came just before, the subjects earlier messages named, and the tier of a medical reply still in view.
    /// </summary>
    private readonly record struct MemoKey(UInt128 TextDigest, string? Intent, string? Topic, bool AfterCrisis, bool AfterNearMiss, string? Subjects, Domain.Urgency AfterMedical)
    {
        public static MemoKey Of(string text, ConversationContext? context)
        {
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
            var rented = maxBytes <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes);
            try
            {
                Span<byte> utf8 = rented ?? stackalloc byte[1024];
                var length = Encoding.UTF8.GetBytes(text, utf8);
                SHA256.HashData(utf8[..length], digest);
            }
            finally
            {
                if (rented is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(rented);
                }
            }

            var high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest);
            var low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]);
            return new MemoKey(new UInt128(high, low), context?.Intent, context?.Topic, context?.CrisisRepliedAt is not null, context?.CrisisNearMissAt is not null, context?.Subjects, context?.MedicalRepliedAt is null ? Domain.Urgency.None : context.MedicalTier);
        }
    }
}

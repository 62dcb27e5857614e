using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SkinBot.Core.Search;

/// <summary>
/// Rewrites each spelling of a synonym group to the group's canonical terms ("box car" → "boxcar").
/// It does what Lucene's SynonymFilter does with expand=false, but only buffers when a term can start a rule:
/// Lucene's filter captures the state of every token, which made synonyms the largest cost of indexing.
/// Positions and offsets of rewritten terms are approximate; SkinBot indexes neither positions nor offsets.
/// </summary>
internal sealed class CanonicalSynonymFilter : TokenFilter
{
    private readonly SynonymRules rules;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly List<string> lookahead = [];
    private readonly Queue<string> pending = new();
    private bool inputExhausted;

    public CanonicalSynonymFilter(TokenStream input, SynonymRules rules)
        : base(input)
    {
        this.rules = rules;
        term = AddAttribute<ICharTermAttribute>();
        position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (pending.TryDequeue(out var queued))
        {
            Emit(queued);
            return true;
        }

        string first;
        if (lookahead.Count > 0)
        {
            first = lookahead[0];
            lookahead.RemoveAt(0);
            if (!rules.Lookup.TryGetValue(first, out _))
            {
                Emit(first);
                return true;
            }
        }
        else
        {
            if (inputExhausted || !m_input.IncrementToken())
            {
                inputExhausted = true;
                return false;
            }

            // The common case: the term starts no rule and passes through untouched, without allocating.
            if (!rules.Lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out _))
            {
                return true;
            }

            first = term.ToString();
        }

        var candidates = rules.Lookup[first];
        Fill(rules.LongestRule - 1);
        foreach (var rule in candidates)
        {
            if (Matches(rule))
            {
                lookahead.RemoveRange(0, rule.From.Length - 1);
                foreach (var next in rule.To.Skip(1))
                {
                    pending.Enqueue(next);
                }

                Emit(rule.To[0]);
                return true;
            }
        }

        Emit(first);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        lookahead.Clear();
        pending.Clear();
        inputExhausted = false;
    }

    private bool Matches(SynonymRule rule)
    {
        if (rule.From.Length - 1 > lookahead.Count)
        {
            return false;
        }

        for (var i = 1; i < rule.From.Length; i++)
        {
            if (!string.Equals(rule.From[i], lookahead[i - 1], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads ahead until <paramref name="count"/> terms are buffered or the input ends.</summary>
    private void Fill(int count)
    {
        while (lookahead.Count < count && !inputExhausted)
        {
            if (m_input.IncrementToken())
            {
                lookahead.Add(term.ToString());
            }
            else
            {
                inputExhausted = true;
            }
        }
    }

    private void Emit(string text)
    {
        ClearAttributes();
        term.SetEmpty().Append(text);
        position.PositionIncrement = 1;
    }
}

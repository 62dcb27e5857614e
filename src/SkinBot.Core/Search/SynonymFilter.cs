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
    private readonly SynonymRules _rules;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly List<string> _lookahead = [];
    private readonly Queue<string> _pending = new();
    private bool _inputExhausted;

    public CanonicalSynonymFilter(TokenStream input, SynonymRules rules)
        : base(input)
    {
        _rules = rules;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.TryDequeue(out var queued))
        {
            Emit(queued);
            return true;
        }

        string first;
        if (_lookahead.Count > 0)
        {
            first = _lookahead[0];
            _lookahead.RemoveAt(0);
            if (!_rules.Lookup.TryGetValue(first, out _))
            {
                Emit(first);
                return true;
            }
        }
        else
        {
            if (_inputExhausted || !m_input.IncrementToken())
            {
                _inputExhausted = true;
                return false;
            }

            // The common case: the term starts no rule and passes through untouched, without allocating.
            if (!_rules.Lookup.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out _))
            {
                return true;
            }

            first = _term.ToString();
        }

        var candidates = _rules.Lookup[first];
        Fill(_rules.LongestRule - 1);
        foreach (var rule in candidates)
        {
            if (Matches(rule))
            {
                _lookahead.RemoveRange(0, rule.From.Length - 1);
                foreach (var next in rule.To.Skip(1))
                {
                    _pending.Enqueue(next);
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
        _lookahead.Clear();
        _pending.Clear();
        _inputExhausted = false;
    }

    private bool Matches(SynonymRule rule)
    {
        if (rule.From.Length - 1 > _lookahead.Count)
        {
            return false;
        }

        for (var i = 1; i < rule.From.Length; i++)
        {
            if (!string.Equals(rule.From[i], _lookahead[i - 1], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads ahead until <paramref name="count"/> terms are buffered or the input ends.</summary>
    private void Fill(int count)
    {
        while (_lookahead.Count < count && !_inputExhausted)
        {
            if (m_input.IncrementToken())
            {
                _lookahead.Add(_term.ToString());
            }
            else
            {
                _inputExhausted = true;
            }
        }
    }

    private void Emit(string text)
    {
        ClearAttributes();
        _term.SetEmpty().Append(text);
        _position.PositionIncrement = 1;
    }
}

using SkinBot.Core.Search;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// The <c>signals</c> of intents.yml, analysed and masked like messages, matched as contiguous term sequences
/// ("go away" matches "will they ever go away").
/// </summary>
public sealed class SignalMatcher
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<(string[] Terms, int Weight)>> _signals;
    private readonly HashSet<string> _knownTerms;

    public SignalMatcher(SkinBotAnalyzer analyzer, DomainVocabulary vocabulary, IEnumerable<IntentDefinition> intents)
    {
        // Each signal is analysed once; the collapsed report reads the same terms the matcher keeps.
        var analysed = intents
            .SelectMany(i => i.Signals.Select(s => (Intent: i.Id, Signal: s, Terms: TermMasker.Mask(analyzer.Terms(StripWeight(s)), vocabulary).ToArray(), Weight: WeightOf(s))))
            .ToList();
        var byIntent = analysed.Where(s => s.Terms.Length > 0).ToLookup(s => s.Intent, StringComparer.Ordinal);
        _signals = intents.ToDictionary(
            i => i.Id,
            i => (IReadOnlyList<(string[] Terms, int Weight)>)[.. byIntent[i.Id]
                .Select(s => (s.Terms, s.Weight))
                .DistinctBy(s => string.Join(' ', s.Terms))],
            StringComparer.Ordinal);
        _knownTerms = new HashSet<string>(_signals.Values.SelectMany(s => s).SelectMany(s => s.Terms), StringComparer.Ordinal);
        Collapsed = [.. analysed
            .Where(s => s.Terms.Length == 1 && StripWeight(s.Signal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 1)
            .Select(s => new CollapsedSignal(s.Intent, s.Signal, s.Terms[0]))];
    }

    /// <summary>
    /// Signals of several words that analyse to one term, since the others are stop or ignore words: "is it that bad"
    /// counts wherever "bad" is said. Some are meant ("how painful" is "painful"); a new one is worth a look.
    /// </summary>
    public IReadOnlyList<CollapsedSignal> Collapsed { get; }

    /// <summary>True when some signal contains the term.</summary>
    public bool Knows(string term) => _knownTerms.Contains(term);

    /// <summary>"forever^2" → "forever".</summary>
    public static string StripWeight(string signal)
    {
        var caret = signal.LastIndexOf('^');
        return caret > 0 && int.TryParse(signal.AsSpan(caret + 1), out _) ? signal[..caret] : signal;
    }

    private static int WeightOf(string signal)
    {
        var caret = signal.LastIndexOf('^');
        return caret > 0 && int.TryParse(signal.AsSpan(caret + 1), out var weight) ? Math.Clamp(weight, 0, 5) : 1;
    }

    /// <summary>The weighted number of distinct signals of each intent that occur in the masked terms.</summary>
    public IReadOnlyDictionary<string, int> Count(IReadOnlyList<string> maskedTerms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (intent, sequences) in _signals)
        {
            var hits = sequences.Where(s => s.Weight > 0 && Contains(maskedTerms, s.Terms)).ToList();
            // "smooth out" and "smooth" are one piece of evidence, not two.
            var matched = hits.Where(h => !hits.Any(o => o.Terms.Length > h.Terms.Length && Contains(o.Terms, h.Terms))).Sum(h => h.Weight);
            if (matched > 0)
            {
                counts[intent] = matched;
            }
        }

        return counts;
    }

    private static bool Contains(IReadOnlyList<string> terms, IReadOnlyList<string> sequence)
    {
        for (var start = 0; start + sequence.Count <= terms.Count; start++)
        {
            var match = true;
            for (var i = 0; i < sequence.Count && match; i++)
            {
                match = terms[start + i] == sequence[i];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A signal of several words that is read as the one term left after analysis.</summary>
public sealed record CollapsedSignal(string Intent, string Signal, string Term);

using System.Reflection;
using System.Text;

namespace SkinBot.Core.Search;

/// <summary>
/// Fixes one-letter typos in the names SkinBot knows ("subcison", "retinl", "lazer") before analysis.
/// It only rewrites a word of five or more letters that is neither a known word nor English (see
/// <see cref="EnglishWords"/>), and only into a domain term (a lead term, a synonym spelling or a setting cue)
/// within one edit (Damerau: a swap counts as one), so ordinary words are never "corrected" into treatments.
/// </summary>
public sealed class SpellingCorrector
{
    private const int MinWordLength = 5;
    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonWords);

    private readonly HashSet<string> _known;
    private readonly string[] _domain;
    private readonly Dictionary<string, int> _domainMentions;

    /// <param name="knownTexts">Texts whose words are known English (passages, examples, synonyms): never corrected.</param>
    /// <param name="domainTerms">Words a typo may be corrected into.</param>
    public SpellingCorrector(IEnumerable<string> knownTexts, IEnumerable<string> domainTerms)
    {
        _known = new HashSet<string>(Common.Value, StringComparer.Ordinal);
        _domain = [.. domainTerms.Select(w => w.ToLowerInvariant()).Where(w => w.Length >= MinWordLength).Distinct().Order(StringComparer.Ordinal)];
        _domainMentions = _domain.ToDictionary(w => w, _ => 0, StringComparer.Ordinal);
        AddWords(knownTexts, _known, _domainMentions);
        _known.UnionWith(_domain);
        // Loaded while the knowledge base builds rather than on the first message.
        _ = EnglishWords.Count;
    }

    /// <summary>
    /// True when the word is English SkinBot recognises (common words, the corpus, examples, synonyms). The general
    /// English list is left out on purpose: it has "yo" and "ok", which alone are still noise to SkinBot.
    /// </summary>
    public bool IsKnownWord(string word) => _known.Contains(word.ToLowerInvariant());

    public string Correct(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                output.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            output.Append(CorrectWord(word) ?? word);
        }

        return output.ToString();
    }

    internal string? CorrectWord(string word)
    {
        if (word.Length < MinWordLength || word.Length > 32)
        {
            return null;
        }

        var lower = word.ToLowerInvariant();
        if (_known.Contains(lower) || EnglishWords.Contains(lower))
        {
            return null;
        }

        string? best = null;
        foreach (var candidate in _domain)
        {
            if (Math.Abs(candidate.Length - lower.Length) <= 1 && WithinOneEdit(lower, candidate)
                && (best is null || IsLikelier(lower, candidate, best)))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// The likelier kind of typo wins, then the term the texts use more ("retinol" over "retinal"); without this
    /// "retinl" became "retin", a piece of "retin a".
    /// </summary>
    private bool IsLikelier(string typo, string candidate, string best)
    {
        var kind = Preference(typo, candidate).CompareTo(Preference(typo, best));
        return kind < 0 || (kind == 0 && _domainMentions[candidate] > _domainMentions[best]);
    }

    /// <summary>Lower is likelier: a mistyped or swapped letter, then a dropped one, then an extra one.</summary>
    private static int Preference(string typo, string candidate) => (candidate.Length - typo.Length) switch
    {
        0 => 0,
        1 => 1,
        _ => 2,
    };

    /// <summary>
    /// Adds every word of the texts, lower-cased, and counts how often each domain term is used. Runs over the whole
    /// corpus at build time, so words are cut and looked up as spans and only new words allocate.
    /// </summary>
    private static void AddWords(IEnumerable<string> texts, HashSet<string> words, Dictionary<string, int> mentions)
    {
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = mentions.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[32];
        foreach (var text in texts)
        {
            var span = text.AsSpan();
            var i = 0;
            while (i < span.Length)
            {
                if (!char.IsLetter(span[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < span.Length && char.IsLetter(span[i]))
                {
                    i++;
                }

                var word = span[start..i];
                if (word.Length <= lower.Length)
                {
                    var length = word.ToLowerInvariant(lower);
                    lookup.Add(lower[..length]);
                    if (counts.TryGetValue(lower[..length], out var count))
                    {
                        counts[lower[..length]] = count + 1;
                    }
                }
            }
        }
    }

    /// <summary>True when one insertion, deletion, substitution or adjacent swap turns a into b.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var restA = a.AsSpan(prefix);
        var restB = b.AsSpan(prefix);
        if (restA.Length == restB.Length)
        {
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return restA.Length == restB.Length + 1 ? restA[1..].SequenceEqual(restB)
            : restB.Length == restA.Length + 1 && restB[1..].SequenceEqual(restA);
    }

    private static HashSet<string> LoadCommonWords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SkinBot.Core.Search.CommonWords.txt")
            ?? throw new InvalidOperationException("CommonWords.txt is not embedded in SkinBot.Core");
        using var reader = new StreamReader(stream);
        return new HashSet<string>(reader.ReadToEnd().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }
}

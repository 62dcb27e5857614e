namespace SkinBot.Core.Safety;

/// <summary>
/// Which negations cancel which sign. Most negation words ("no", "sin", "tidak") mean only that in every language the
/// screen reads, so they cancel every negatable sign. A few are ordinary words in another of those languages: French
/// "pas" is Indonesian "when" and Dutch "only just", Portuguese "sem" is Slovenian "I am". Those are listed under their
/// own language and cancel only that language's signs and the English ones, which people writing any language mix in:
/// "pas habis laser kulitku melepuh" (when, after the laser, my skin blistered) keeps its Indonesian burn sign, while
/// "pas de pus" still cancels the French and English pus signs.
/// </summary>
internal sealed class SafetyNegations
{
    private readonly IReadOnlySet<string> _everywhere;
    private readonly IReadOnlySet<string> _shared;
    private readonly Dictionary<string, IReadOnlySet<string>> _byLanguage;

    private SafetyNegations(IReadOnlySet<string> shared, Dictionary<string, IReadOnlySet<string>> byLanguage)
    {
        _shared = shared;
        _byLanguage = byLanguage;
        _everywhere = new HashSet<string>(shared.Concat(byLanguage.Values.SelectMany(words => words)), StringComparer.Ordinal);
    }

    /// <summary>The languages that list negation words of their own.</summary>
    public IEnumerable<string> Languages => _byLanguage.Keys;

    /// <summary>Every negation word, for what is read in no one language (English signs, the reading after a medical reply).</summary>
    public IReadOnlySet<string> Everywhere => _everywhere;

    /// <summary>
    /// The words that cancel a sign written for another language than English: the shared ones and its own language's,
    /// found from the language its name ends with ("emergency-indonesian").
    /// </summary>
    public IReadOnlySet<string> ForLanguageSign(string signName) =>
        _byLanguage.Count > 0 && signName.LastIndexOf('-') is var dash and >= 0 && _byLanguage.TryGetValue(signName[(dash + 1)..], out var own)
            ? own
            : _shared;

    public static SafetyNegations Parse(IEnumerable<string> shared, IReadOnlyDictionary<string, List<string>>? byLanguage)
    {
        var sharedWords = new HashSet<string>(shared.Select(Word).Where(w => w.Length > 0), StringComparer.Ordinal);
        var languages = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (language, words) in byLanguage ?? new Dictionary<string, List<string>>())
        {
            if (!string.IsNullOrWhiteSpace(language))
            {
                languages[language.Trim().ToLowerInvariant()] = new HashSet<string>(sharedWords.Concat((words ?? []).Select(Word).Where(w => w.Length > 0)), StringComparer.Ordinal);
            }
        }

        return new SafetyNegations(sharedWords, languages);
    }

    private static string Word(string? negation) => string.Concat((negation ?? string.Empty).Where(char.IsLetterOrDigit)).ToLowerInvariant();
}

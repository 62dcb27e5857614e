using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// Every occurrence of every safety phrase in one message, found in a single pass, so each sign is decided by
/// lookups rather than by scanning the message again.
/// </summary>
internal sealed class SafetyMatches
{
    private static readonly IReadOnlyList<PhraseMatch> None = [];

    private readonly Dictionary<string, List<PhraseMatch>> _byPhrase = new(StringComparer.Ordinal);

    public SafetyMatches(PhraseSet everyPhrase, IReadOnlyList<string> words)
    {
        Words = words;
        foreach (var match in everyPhrase.Find(words, all: true))
        {
            (_byPhrase.TryGetValue(match.Phrase, out var list) ? list : _byPhrase[match.Phrase] = []).Add(match);
        }
    }

    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => _byPhrase.Count == 0;

    /// <summary>The phrases that occur in the message.</summary>
    public IEnumerable<string> Phrases => _byPhrase.Keys;

    public IReadOnlyList<PhraseMatch> Of(string phrase) => _byPhrase.TryGetValue(phrase, out var list) ? list : None;
}

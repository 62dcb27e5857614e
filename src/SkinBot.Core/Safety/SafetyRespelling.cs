using SkinBot.Core.Corpus;
using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// Misspellings the screen also reads as the words they stand for (safety.yml <c>spellings</c>: "pils" is "pills",
/// "tonite" is "tonight", "no1" is "no one"). Young people, people in a hurry and people who write little type the
/// way they speak, and signs written in standard spelling miss them. The respelled words are a second reading: the
/// message as written is always screened too, so a respelling can add a sign but never hide one.
/// The same reading passes over emphasis particles (safety.yml <c>particles</c>: Hindi "ही", Urdu "ہی"), which
/// people put inside the very phrases the signs list ("जीने का मन ही नहीं करता" is "जीने का मन नहीं" said harder).
/// </summary>
public sealed class SafetyRespelling
{
    private readonly Dictionary<string, string[]> _meanings;

    private SafetyRespelling(Dictionary<string, string[]> meanings) => _meanings = meanings;

    /// <param name="spellings">Each misspelt word (one word, as the screen reads it) to the word or words it stands for.</param>
    /// <param name="particles">Words the second reading leaves out.</param>
    /// <param name="sourceName">The file they come from, for error messages.</param>
    public static SafetyRespelling Parse(IReadOnlyDictionary<string, string>? spellings, IReadOnlyList<string>? particles, string sourceName)
    {
        var meanings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (written, meant) in spellings ?? new Dictionary<string, string>())
        {
            var word = SurfaceWords.Of(written ?? string.Empty);
            var words = SurfaceWords.Of(meant ?? string.Empty);
            if (word.Count != 1 || words.Count == 0)
            {
                throw new CorpusFormatException(sourceName, $"spelling '{written}': write one misspelt word and the word or words it stands for");
            }

            if (!meanings.TryAdd(word[0], [.. words]))
            {
                throw new CorpusFormatException(sourceName, $"spelling '{word[0]}' is listed twice");
            }
        }

        foreach (var written in particles ?? [])
        {
            var word = SurfaceWords.Of(written ?? string.Empty);
            if (word.Count != 1)
            {
                throw new CorpusFormatException(sourceName, $"particle '{written}': write one word");
            }

            if (!meanings.TryAdd(word[0], []))
            {
                throw new CorpusFormatException(sourceName, $"'{word[0]}' is listed as a spelling or a particle twice");
            }
        }

        return new SafetyRespelling(meanings);
    }

    /// <summary>The words with every listed misspelling replaced by what it stands for and every particle left out, or null when there is none.</summary>
    public IReadOnlyList<string>? Respell(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        List<string>? respelled = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (_meanings.TryGetValue(words[i], out var meant))
            {
                respelled ??= [.. words.Take(i)];
                respelled.AddRange(meant);
            }
            else
            {
                respelled?.Add(words[i]);
            }
        }

        return respelled;
    }
}

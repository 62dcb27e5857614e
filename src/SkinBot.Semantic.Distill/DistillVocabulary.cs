using System.Text.RegularExpressions;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Scope;
using SkinBot.Core.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Semantic.Distill;

/// <summary>
/// The words to distil: the encoder's own whole-word vocabulary, most common first (its ids follow corpus
/// frequency, which gives each word a frequency rank for SIF weighting), then every other word of SkinBot's
/// corpus and common-word list in ordinal order. Tests are deliberately not a source, so eval stays held out.
/// </summary>
public static partial class DistillVocabulary
{
    private const int MaxWordLength = 24;

    /// <summary>
    /// The encoder's vocabulary lists single letters among its characters, not by frequency, which would make
    /// every word after them look 26 places rarer and make "a" and "I" look rare. Other letters are left out
    /// ("vitamin c" reads as "vitamin"); these two are placed where English frequency lists put them.
    /// </summary>
    private static readonly (string Word, int Rank)[] LetterWords = [("a", 4), ("i", 10)];

    /// <param name="encoderVocabulary">The encoder's WordPiece vocabulary (vocab.txt), in id order.</param>
    /// <param name="rankedWords">How many of its whole words to keep, most common first.</param>
    public static (IReadOnlyList<string> Words, int Ranked) Build(IEnumerable<string> encoderVocabulary, int rankedWords, string repositoryRoot)
    {
        var ranked = encoderVocabulary.Where(w => w.Length > 1 && WholeWord().IsMatch(w)).Distinct(StringComparer.Ordinal).Take(rankedWords - LetterWords.Length).ToList();
        foreach (var (word, rank) in LetterWords)
        {
            ranked.Insert(rank, word);
        }

        var seen = new HashSet<string>(ranked, StringComparer.Ordinal);
        var extra = SkinBotWords(repositoryRoot)
            .Where(w => w.Length is > 1 and <= MaxWordLength && w.Any(char.IsLetter) && !seen.Contains(w))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return ([.. ranked, .. extra], ranked.Count);
    }

    private static IEnumerable<string> SkinBotWords(string root)
    {
        var corpus = Path.Combine(root, "corpus");
        var texts = new List<string>();
        texts.AddRange(Directory.EnumerateFiles(Path.Combine(corpus, "articles"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));

        var extraExamples = Path.Combine(corpus, "intent-examples.yml");
        var intents = IntentCatalog.Parse(File.ReadAllText(Path.Combine(corpus, "intents.yml")), "intents.yml", File.Exists(extraExamples) ? File.ReadAllText(extraExamples) : null);
        texts.AddRange(intents.File.Intents.SelectMany(i => i.Examples.Concat(i.Signals)));

        var topics = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
            .Deserialize<ScopeFile?>(File.ReadAllText(Path.Combine(corpus, "topics.yml"))) ?? new ScopeFile();
        texts.AddRange(topics.PittedWords.Concat(topics.ScarringWords).Concat(topics.Topics.SelectMany(t => t.Phrases.Concat(t.Unless))));

        texts.Add(File.ReadAllText(Path.Combine(root, "src", "SkinBot.Core", "Search", "CommonWords.txt")));
        return texts.SelectMany(SurfaceWords.Of);
    }

    [GeneratedRegex("^[a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeWord();
}

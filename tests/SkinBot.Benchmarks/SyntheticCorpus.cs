using System.Globalization;
using System.Text;

namespace SkinBot.Benchmarks;

/// <summary>
/// Writes a corpus folder of N synthetic articles made from the real article's passages, with each article's
/// headings and words shuffled deterministically, so index size and vocabulary grow with N like real content.
/// </summary>
public static class SyntheticCorpus
{
    public static string Create(string realCorpus, int articles)
    {
        var root = Path.Combine(Path.GetTempPath(), $"skinbot-bench-{articles}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(root, "articles"));
        File.Copy(Path.Combine(realCorpus, "synonyms.txt"), Path.Combine(root, "synonyms.txt"));
        File.Copy(Path.Combine(realCorpus, "intents.yml"), Path.Combine(root, "intents.yml"));
        File.Copy(Path.Combine(realCorpus, "intent-examples.yml"), Path.Combine(root, "intent-examples.yml"));
        File.Copy(Path.Combine(realCorpus, "topics.yml"), Path.Combine(root, "topics.yml"));
        File.Copy(Path.Combine(realCorpus, "safety.yml"), Path.Combine(root, "safety.yml"));
        File.Copy(Path.Combine(realCorpus, "safety-languages.yml"), Path.Combine(root, "safety-languages.yml"));
        var source = File.ReadAllText(Path.Combine(realCorpus, "articles", "pockmarks.md"));
        var body = source[(source.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
        var lines = body.Split('\n');
        var random = new Random(42);
        for (var i = 0; i < articles; i++)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"---\ntitle: \"Synthetic article {i}\"\nsource: \"benchmark\"\n---\n\n");
            foreach (var line in lines)
            {
                // Swap a few words per line for made-up ones so the vocabulary keeps growing.
                var words = line.Split(' ');
                for (var w = 0; w < words.Length; w += 7)
                {
                    if (words[w].Length > 4 && !words[w].StartsWith('#') && !words[w].StartsWith('{'))
                    {
                        words[w] = string.Create(CultureInfo.InvariantCulture, $"{words[w]}{random.Next(100_000)}");
                    }
                }

                text.AppendJoin(' ', words).Append('\n');
            }

            File.WriteAllText(Path.Combine(root, "articles", $"article-{i:D5}.md"), text.ToString());
        }

        return root;
    }
}

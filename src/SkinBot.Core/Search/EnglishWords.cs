using System.Reflection;

namespace SkinBot.Core.Search;

/// <summary>
/// A general English word list (SCOWL via Debian's wamerican, see EnglishWords.txt), so spelling correction
/// leaves real words alone ("feels", "bothers", "flake") even when they are one letter from a domain term.
/// Loaded once, on first use.
/// </summary>
internal static class EnglishWords
{
    // About 73,000 words; sized up front so loading never rehashes.
    private const int Capacity = 75_000;
    private const string ResourceName = "SkinBot.Core.Search.EnglishWords.txt";

    private static readonly Lazy<HashSet<string>> Words = new(Load);

    /// <summary>True for a lower-case English word.</summary>
    public static bool Contains(string lowerCaseWord) => Words.Value.Contains(lowerCaseWord);

    public static int Count => Words.Value.Count;

    /// <summary>Reads the list afresh; <see cref="Contains"/> does this once.</summary>
    internal static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("EnglishWords.txt is not embedded in SkinBot.Core");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(Capacity, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words;
    }
}

namespace SkinBot.Testing;

/// <summary>
/// The repository a test runs from, found by walking up from the test binaries to SkinBot.sln, so tests read the
/// repository's own corpus and evaluation files wherever the clone lives.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Corpus => System.IO.Path.Combine(Path, "corpus");

    /// <summary>The ids of the repository's Markdown articles (file names without extension), sorted ordinally.</summary>
    public static IReadOnlyList<string> ArticleIds() =>
        [.. Directory.GetFiles(System.IO.Path.Combine(Corpus, "articles"), "*.md")
            .Select(file => System.IO.Path.GetFileNameWithoutExtension(file).ToLowerInvariant())
            .Order(StringComparer.Ordinal)];

    public static string Eval(string fileName) => System.IO.Path.Combine(Path, "tests", "eval", fileName);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SkinBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SkinBot.sln was not found above {AppContext.BaseDirectory}.");
    }
}

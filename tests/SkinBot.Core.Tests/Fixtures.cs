namespace SkinBot.Core.Tests;

/// <summary>Files under Fixtures/, copied beside the test binaries by the project file.</summary>
internal static class Fixtures
{
    public const string RawScrape = "pockmarks-article.raw.txt";
    public const string HtmlPage = "page-with-furniture.html";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static string CuratedArticlePath => Path.Combine(Testing.RepositoryRoot.Corpus, "articles", "pockmarks.md");
}

using Microsoft.Extensions.Logging;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads every article under a folder (.md, .markdown, .txt, .html, .htm). A file that cannot be parsed is
/// skipped with a warning naming the file and the reason; the rest still load.
/// </summary>
public sealed class CorpusLoader(ILogger<CorpusLoader> logger)
{
    private static readonly Dictionary<string, Func<string, string, ArticleDocument>> Parsers =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [".md"] = MarkdownArticleParser.Parse,
            [".markdown"] = MarkdownArticleParser.Parse,
            [".txt"] = RawTextArticleParser.Parse,
            [".html"] = HtmlArticleParser.Parse,
            [".htm"] = HtmlArticleParser.Parse,
        };

    public static bool IsArticleFile(string path) => Parsers.ContainsKey(Path.GetExtension(path));

    public static IReadOnlyList<string> ArticleFiles(string articlesDirectory) =>
        Directory.Exists(articlesDirectory)
            ? [.. Directory.EnumerateFiles(articlesDirectory, "*", SearchOption.AllDirectories)
                .Where(IsArticleFile)
                .Where(p => !Path.GetFileName(p).StartsWith('.'))
                .Order(StringComparer.Ordinal)]
            : [];

    public async Task<LoadedCorpus> LoadAsync(string articlesDirectory, CancellationToken cancellationToken)
    {
        var articles = new List<ArticleDocument>();
        var skipped = new List<CorpusFormatException>();
        foreach (var file in ArticleFiles(articlesDirectory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                articles.Add(Parsers[Path.GetExtension(file)](file, text));
            }
            catch (CorpusFormatException ex)
            {
                skipped.Add(ex);
                logger.LogWarning("Skipped corpus file {File}: {Reason}", ex.FilePath, ex.Reason);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                skipped.Add(new CorpusFormatException(file, ex.Message, ex));
                logger.LogWarning(ex, "Skipped corpus file {File}: it could not be read", file);
            }
        }

        var passages = new List<Passage>();
        foreach (var article in articles.GroupBy(a => a.Id).Select(g => g.First()))
        {
            passages.AddRange(PassageSplitter.Split(article, passages.Count));
        }

        return new LoadedCorpus(articles, passages, skipped);
    }
}

/// <summary>What a load produced, including what it had to skip.</summary>
public sealed record LoadedCorpus(
    IReadOnlyList<ArticleDocument> Articles,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<CorpusFormatException> Skipped);

using System.IO.Enumeration;
using Microsoft.Extensions.Logging;

namespace SkinBot.Core.Corpus;

/// <summary>
/// Reads every article under a folder (.md, .markdown, .txt, .html, .htm). A file that cannot be read (see
/// <see cref="CorpusFileReader"/>) or parsed is skipped with a warning naming the file and the reason; the rest
/// still load.
/// </summary>
public sealed partial class CorpusLoader(ILogger<CorpusLoader> logger)
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

    /// <summary>
    /// The article files under a folder, in order. Folder links are listed (so they are reported as skipped) but
    /// never entered, which is what makes a folder loop harmless; hidden files and folders are left out.
    /// </summary>
    public static IReadOnlyList<string> ArticleFiles(string articlesDirectory)
    {
        if (!Directory.Exists(articlesDirectory))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        var entries = new FileSystemEnumerable<string>(articlesDirectory, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => IsLink(ref entry)
                ? entry.IsDirectory || IsArticleFile(entry.FileName.ToString())
                : !entry.IsDirectory && IsArticleFile(entry.FileName.ToString()),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        };
        return [.. entries.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every article under a folder, read within the default limits with that folder as the corpus.</summary>
    public Task<LoadedCorpus> LoadAsync(string articlesDirectory, CancellationToken cancellationToken) =>
        LoadAsync(articlesDirectory, new CorpusFileReader(articlesDirectory), cancellationToken);

    public async Task<LoadedCorpus> LoadAsync(string articlesDirectory, CorpusFileReader reader, CancellationToken cancellationToken)
    {
        var files = ArticleFiles(articlesDirectory);
        var results = new (ArticleDocument? Article, CorpusFormatException? Error)[files.Count];
        // Parsing is CPU-bound and files are independent: use every core, keep the files' order.
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, token) =>
        {
            results[i] = await ParseAsync(files[i], reader, token);
        });

        var articles = new List<ArticleDocument>(files.Count);
        var skipped = new List<CorpusFormatException>();
        foreach (var (article, error) in results)
        {
            if (article is not null)
            {
                articles.Add(article);
            }
            else if (error is not null)
            {
                skipped.Add(error);
                LogSkipped(error.FilePath, error.Reason);
            }
        }

        var passages = new List<Passage>();
        var unique = new List<ArticleDocument>(articles.Count);
        var byId = new Dictionary<string, ArticleDocument>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article.Id.Length == 0 || !byId.TryAdd(article.Id, article))
            {
                // Passage ids must be unique to trace an answer to its text; a clash is skipped, not merged silently.
                var reason = article.Id.Length == 0
                    ? "its file name has no letters or digits to make an article id from"
                    : $"its article id '{article.Id}' is already used by {byId[article.Id].FilePath}";
                skipped.Add(new CorpusFormatException(article.FilePath, reason));
                LogSkipped(article.FilePath, reason);
                continue;
            }

            unique.Add(article);
            passages.AddRange(PassageSplitter.Split(article, passages.Count));
        }

        return new LoadedCorpus(unique, passages, skipped);
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static async Task<(ArticleDocument?, CorpusFormatException?)> ParseAsync(string file, CorpusFileReader reader, CancellationToken cancellationToken)
    {
        try
        {
            var text = await reader.ReadTextAsync(file, cancellationToken);
            return Parsers.TryGetValue(Path.GetExtension(file), out var parse)
                ? (parse(file, text), null)
                : (null, new CorpusFormatException(file, "it is not an article file (.md, .markdown, .txt, .html, .htm)"));
        }
        catch (CorpusFormatException ex)
        {
            return (null, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, new CorpusFormatException(file, $"it could not be read: {ex.Message}", ex));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug on one odd file must cost that file, not the whole corpus.
            return (null, new CorpusFormatException(file, $"it could not be parsed ({ex.GetType().Name}: {ex.Message})", ex));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Skipped corpus file {File}: {Reason}")]
    private partial void LogSkipped(string file, string reason);
}

/// <summary>What a load produced, including what it had to skip.</summary>
public sealed record LoadedCorpus(
    IReadOnlyList<ArticleDocument> Articles,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<CorpusFormatException> Skipped);

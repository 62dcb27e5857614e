using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Safety;
using SkinBot.Core.Scope;
using SkinBot.Core.Search;

namespace SkinBot.Core.CorpusChecks;

/// <summary>
/// <c>skinbot corpus check</c>: lints a corpus folder the way a reviewer would before it ships. It reads the files
/// itself rather than building an index, so it reports every problem at once instead of stopping at the first.
/// </summary>
public static class CorpusChecker
{
    public static async Task<IReadOnlyList<CorpusFinding>> CheckAsync(CorpusLayout layout, DateOnly today, CancellationToken cancellationToken)
    {
        var findings = new List<CorpusFinding>();
        var articles = new List<ArticleDocument>();
        var texts = new List<string>();
        foreach (var file in CorpusLoader.ArticleFiles(layout.ArticlesDirectory))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            try
            {
                var article = Path.GetExtension(file).Equals(".md", StringComparison.OrdinalIgnoreCase)
                    ? MarkdownArticleParser.Parse(file, text)
                    : null;
                if (article is null)
                {
                    findings.Add(CorpusFinding.Warning("article-format", file, 0, "only Markdown articles can carry front matter and sources; this file is not checked"));
                    continue;
                }

                articles.Add(article);
                texts.Add(text);
                findings.AddRange(ArticleChecks.Check(file, text, article, today));
            }
            catch (CorpusFormatException error)
            {
                findings.Add(CorpusFinding.Error("article-format", file, 0, error.Reason));
            }
        }

        if (articles.Count == 0)
        {
            findings.Add(CorpusFinding.Error("articles", layout.ArticlesDirectory, 0, "no article to answer from"));
        }

        findings.AddRange(CorpusWideChecks.UniqueSectionIds(articles));
        findings.AddRange(CorpusWideChecks.DuplicatePassages(articles));

        var passages = new List<Passage>();
        foreach (var article in articles)
        {
            passages.AddRange(PassageSplitter.Split(article, passages.Count));
        }

        var catalog = await ParseAsync(layout.IntentsFile, findings, async text =>
            IntentCatalog.Parse(text, layout.IntentsFile, File.Exists(layout.IntentExamplesFile) ? await File.ReadAllTextAsync(layout.IntentExamplesFile, cancellationToken) : null), cancellationToken);
        if (catalog is not null)
        {
            findings.AddRange(CorpusWideChecks.IntentsAndSections(layout.IntentsFile, catalog, passages, SectionLocations(articles)));
        }

        await ParseAsync(layout.TopicsFile, findings, text => Task.FromResult(ScopeCatalog.Parse(text, layout.TopicsFile)), cancellationToken, optional: true);
        var languageSigns = File.Exists(layout.SafetyLanguagesFile)
            ? new SafetySignsText(await File.ReadAllTextAsync(layout.SafetyLanguagesFile, cancellationToken), layout.SafetyLanguagesFile)
            : null;
        await ParseAsync(layout.SafetyFile, findings, text => Task.FromResult(SafetyCatalog.Parse(text, layout.SafetyFile, languageSigns)), cancellationToken);
        await ParseAsync(layout.SafetyExamplesFile, findings, text => Task.FromResult(SafetyExamples.Parse(text, layout.SafetyExamplesFile)), cancellationToken, optional: true);
        await ParseAsync(layout.DisagreementsFile, findings, text => Task.FromResult(SourceDisagreements.Parse(text, layout.DisagreementsFile, passages)), cancellationToken, optional: true);
        var synonyms = await ParseAsync(layout.SynonymsFile, findings, text => Task.FromResult(SynonymLoader.Parse(text, layout.SynonymsFile)), cancellationToken, optional: true);
        if (synonyms is not null)
        {
            var corpusText = string.Join('\n', texts.Append(await ReadOrEmptyAsync(layout.IntentsFile, cancellationToken)).Append(await ReadOrEmptyAsync(layout.IntentExamplesFile, cancellationToken)).Append(await ReadOrEmptyAsync(layout.TopicsFile, cancellationToken))).ToLowerInvariant();
            findings.AddRange(CorpusWideChecks.SynonymsReferToText(layout.SynonymsFile, await File.ReadAllTextAsync(layout.SynonymsFile, cancellationToken), corpusText));
        }

        return [.. findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal)];
    }

    private static async Task<T?> ParseAsync<T>(string file, List<CorpusFinding> findings, Func<string, Task<T>> parse, CancellationToken cancellationToken, bool optional = false)
        where T : class
    {
        if (!File.Exists(file))
        {
            if (!optional)
            {
                findings.Add(CorpusFinding.Error("missing-file", file, 0, "required file is missing"));
            }

            return null;
        }

        try
        {
            return await parse(await File.ReadAllTextAsync(file, cancellationToken));
        }
        catch (CorpusFormatException error)
        {
            // safety.yml is parsed with safety-languages.yml, so the finding names whichever file is at fault.
            findings.Add(CorpusFinding.Error("file-format", error.FilePath, 0, error.Reason));
            return null;
        }
    }

    private static async Task<string> ReadOrEmptyAsync(string file, CancellationToken cancellationToken) =>
        File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : string.Empty;

    private static Dictionary<string, (string File, int Line)> SectionLocations(IEnumerable<ArticleDocument> articles)
    {
        var locations = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var heading in article.Blocks.Where(b => b.Kind == BlockKind.Heading))
            {
                locations.TryAdd(heading.AnchorId ?? ArticleIds.Slug(heading.Text), (article.FilePath, heading.Line));
            }
        }

        return locations;
    }
}

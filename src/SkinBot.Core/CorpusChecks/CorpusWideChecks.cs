using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.CorpusChecks;

/// <summary>Checks across files: section ids, duplicate passages, intents against sections, synonyms against text.</summary>
public static class CorpusWideChecks
{
    /// <summary>Intents that answer without quoting the corpus, so they list no sections by design.</summary>
    private static readonly HashSet<string> IntentsWithoutSections = [IntentIds.GreetingHelp, IntentIds.OutOfScope, IntentIds.Urgent];

    /// <summary>Every explicit or derived heading id once across the corpus: an intent names a section by it alone.</summary>
    public static IEnumerable<CorpusFinding> UniqueSectionIds(IReadOnlyList<ArticleDocument> articles)
    {
        var seen = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var heading in article.Blocks.Where(b => b.Kind == BlockKind.Heading))
            {
                var id = heading.AnchorId ?? ArticleIds.Slug(heading.Text);
                if (seen.TryGetValue(id, out var first))
                {
                    yield return CorpusFinding.Error("duplicate-section-id", article.FilePath, heading.Line, $"section id '{id}' is already used at {first.File}:{first.Line}");
                }
                else
                {
                    seen[id] = (article.FilePath, heading.Line);
                }
            }
        }
    }

    /// <summary>The same passage twice (or nearly) makes answers repeat themselves and double-counts a source.</summary>
    public static IEnumerable<CorpusFinding> DuplicatePassages(IReadOnlyList<ArticleDocument> articles)
    {
        var blocks = articles
            .SelectMany(a => a.Blocks.Where(b => b.Kind != BlockKind.Heading).Select(b => (a.FilePath, Block: b, Words: WordOverlap.Words(b.Text))))
            .Where(b => b.Words.Count >= CorpusCheckLimits.MinPassageWords)
            .ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            for (var j = i + 1; j < blocks.Count; j++)
            {
                var overlap = WordOverlap.Of(blocks[i].Words, blocks[j].Words);
                if (overlap >= WordOverlap.SameThing)
                {
                    var exact = overlap >= 1.0;
                    yield return new CorpusFinding(
                        exact ? FindingSeverity.Error : FindingSeverity.Warning,
                        "duplicate-passage",
                        blocks[j].FilePath,
                        blocks[j].Block.Line,
                        $"{(exact ? "the same passage as" : $"{overlap:P0} the same words as")} {blocks[i].FilePath}:{blocks[i].Block.Line} ({ArticleChecks.Preview(blocks[j].Block.Text)})");
                }
            }
        }
    }

    /// <summary>Intents quote sections that exist; every answering intent has one; sections no intent quotes are reported.</summary>
    public static IEnumerable<CorpusFinding> IntentsAndSections(string intentsFile, IntentCatalog catalog, IReadOnlyList<Passage> passages, IReadOnlyDictionary<string, (string File, int Line)> sectionLocations)
    {
        var known = passages.SelectMany(p => p.SectionIds).ToHashSet(StringComparer.Ordinal);
        foreach (var intent in catalog.File.Intents)
        {
            if (intent.Sections.Count == 0 && !IntentsWithoutSections.Contains(intent.Id))
            {
                yield return CorpusFinding.Error("intent-sections", intentsFile, 0, $"intent '{intent.Id}' lists no sections, so it could never answer");
            }

            foreach (var section in intent.Sections.Where(s => !known.Contains(s)))
            {
                yield return CorpusFinding.Error("intent-sections", intentsFile, 0, $"intent '{intent.Id}' lists section '{section}', which no article has");
            }

            foreach (var broader in intent.Narrows.Where(n => !catalog.ById.ContainsKey(n) || n == intent.Id))
            {
                yield return CorpusFinding.Error("intent-narrows", intentsFile, 0, $"intent '{intent.Id}' narrows '{broader}', which is not another intent");
            }

            if (intent.Setting is { } setting && intent.TreatmentSetting is null)
            {
                yield return CorpusFinding.Error("intent-setting", intentsFile, 0, $"intent '{intent.Id}' has setting '{setting}': it must be at_home or in_office");
            }
        }

        var listed = catalog.File.Intents.SelectMany(i => i.Sections).ToHashSet(StringComparer.Ordinal);
        // A passage is quoted when its own section or one it sits under is listed; an orphan is still searchable
        // (a named treatment finds it), so this is a warning: the editor may have meant it as background.
        var orphans = passages
            .Where(p => !p.SectionIds.Any(listed.Contains) && p.SectionId != PassageSplitter.IntroductionSectionId)
            .Select(p => p.SectionId)
            .Distinct(StringComparer.Ordinal);
        foreach (var orphan in orphans)
        {
            var (file, line) = sectionLocations.GetValueOrDefault(orphan, (intentsFile, 0));
            yield return CorpusFinding.Warning("orphan-section", file, line, $"no intent lists section '{orphan}', so no answer quotes it unless a treatment it names is asked about");
        }
    }

    /// <summary>A synonym group whose canonical spelling appears nowhere in the corpus maps words onto nothing.</summary>
    public static IEnumerable<CorpusFinding> SynonymsReferToText(string synonymsFile, string synonymsText, string corpusText)
    {
        var lines = synonymsText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var canonical = (line.Contains("=>", StringComparison.Ordinal) ? line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..] : line)
                .Split(',')[0].Trim().ToLowerInvariant();
            if (canonical.Length > 0 && !corpusText.Contains(canonical, StringComparison.Ordinal))
            {
                yield return CorpusFinding.Warning("synonym-target", synonymsFile, i + 1, $"'{canonical}' appears in no article, intent or topic, so this group maps words onto nothing");
            }
        }
    }
}

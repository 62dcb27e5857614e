using SkinBot.Core.Corpus;

namespace SkinBot.Core.Answers;

/// <summary>
/// Two articles may say the same thing in nearly the same words. An answer quotes it once and cites both sources,
/// rather than repeating itself (the corpus check warns about such pairs; this keeps answers tidy if one ships).
/// </summary>
public static class PassageMerging
{
    public static IReadOnlyList<AnswerPassage> MergeNearDuplicates(IReadOnlyList<AnswerPassage> passages)
    {
        var kept = new List<(AnswerPassage Passage, HashSet<string> Words)>(passages.Count);
        foreach (var passage in passages)
        {
            var words = WordOverlap.Words(passage.Text);
            var same = kept.FindIndex(k => WordOverlap.Of(k.Words, words) >= WordOverlap.SameThing);
            if (same < 0)
            {
                kept.Add((passage, words));
                continue;
            }

            var first = kept[same].Passage;
            var sources = first.Source.AlsoCited.Append(passage.Source with { AlsoCited = [] }).Concat(passage.Source.AlsoCited)
                .Where(s => s.Title != first.Source.Title)
                .DistinctBy(s => s.Title)
                .ToList();
            kept[same] = (first with { Source = first.Source with { AlsoCited = sources } }, kept[same].Words);
        }

        return [.. kept.Select(k => k.Passage)];
    }
}

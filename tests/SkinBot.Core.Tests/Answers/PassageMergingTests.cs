using SkinBot.Core.Answers;
using SkinBot.Core.Corpus;

namespace SkinBot.Core.Tests.Answers;

/// <summary>The same thing said by two sources is quoted once, citing both.</summary>
public sealed class PassageMergingTests
{
    private static AnswerPassage Passage(string id, string text, string source) =>
        new(id, text, ["Section"], null, new SourceInfo(source, "Publisher", "https://example.org/" + id, null) { Kind = TextKind.Summary }, 1.0);

    [Fact]
    public void Near_duplicate_passages_from_two_sources_become_one_citing_both()
    {
        var merged = PassageMerging.MergeNearDuplicates(
        [
            Passage("a#1", "Flat red marks after acne are not scars and usually fade over many months.", "First source"),
            Passage("b#1", "Flat red marks after acne are not scars and usually fade over several months.", "Second source"),
            Passage("c#1", "Silicone gel sheeting is used for raised scars, not pitted ones.", "Third source"),
        ]);

        Assert.Equal(["a#1", "c#1"], merged.Select(p => p.Id));
        Assert.Equal(["Second source"], merged[0].Source.AlsoCited.Select(s => s.Title));
        Assert.Contains("; also Second source (Publisher)", AnswerTextRenderer.Citation(merged[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Different_passages_are_all_kept_in_order()
    {
        var passages = new[]
        {
            Passage("a#1", "Ice pick scars are narrow and deep.", "First source"),
            Passage("a#2", "Rolling scars make the surface look wavy.", "First source"),
        };

        Assert.Equal(passages, PassageMerging.MergeNearDuplicates(passages));
    }
}

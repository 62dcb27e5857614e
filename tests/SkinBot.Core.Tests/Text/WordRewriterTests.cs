using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Text;

public sealed class WordRewriterTests
{
    private static readonly WordRewriter Rewriter = new(new Dictionary<string, string>
    {
        ["peeling"] = "flaking",
        ["peel it off"] = "pick it off",
        ["peel off"] = "pick off",
        ["b4"] = "before",
    });

    [Theory]
    [InlineData("my skin is Peeling", "my skin is flaking")]
    [InlineData("if i PEEL  it\toff will it scar", "if i pick it off will it scar")]
    [InlineData("can i peel off the scab", "can i pick off the scab")]
    [InlineData("is a chemical peel worth it", "is a chemical peel worth it")]
    [InlineData("peeler, unpeel it off", "peeler, unpeel it off")]
    [InlineData("B4 my co2 laser", "before my co2 laser")]
    [InlineData("b42 and ab4 stay", "b42 and ab4 stay")]
    public void Whole_words_and_whole_phrases_are_rewritten_and_nothing_else(string text, string expected)
    {
        Assert.Equal(expected, Rewriter.Rewrite(text));
    }
}

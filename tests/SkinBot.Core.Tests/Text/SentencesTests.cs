using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Text;

public class SentencesTests
{
    [Fact]
    public void A_message_is_cut_after_its_marks_and_at_line_breaks_each_sentence_keeping_its_mark()
    {
        Assert.Equal(
            ["bought a 1.5mm roller!", "used it last night...", "is this normal?", "cheeks are raw"],
            Sentences.Of("bought a 1.5mm roller! used it last night... is this normal?\ncheeks are raw  "));
    }

    [Fact]
    public void A_message_without_marks_is_one_sentence_and_an_empty_one_has_none()
    {
        Assert.Equal(["paid 0.5ml for the scar and now its white"], Sentences.Of("paid 0.5ml for the scar and now its white"));
        Assert.Empty(Sentences.Of("  \n "));
    }
}

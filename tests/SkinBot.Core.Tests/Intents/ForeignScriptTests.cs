using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Tests.Intents;

public sealed class ForeignScriptTests
{
    [Theory]
    [InlineData("у меня шрамы от акне, что делать?", "Cyrillic script")]
    [InlineData("我脸上有很多痘坑怎么办", "Chinese")]
    [InlineData("ニキビ跡のクレーターを治したい", "Japanese")]
    [InlineData("여드름 흉터 치료 방법 알려주세요", "Korean")]
    [InlineData("عندي ندبات حب الشباب", "Arabic script")]
    [InlineData("मेरे चेहरे पर गड्ढे हैं", "Devanagari script")]
    [InlineData("ฉันมีหลุมสิว", "Thai")]
    [InlineData("Έχω ουλές ακμής", "Greek")]
    [InlineData("у мене шрами від акне, що робити?", "Ukrainian")]
    [InlineData("میرے چہرے پر گڑھے ہیں", "Urdu")]
    [InlineData("جای جوش روی صورتم مونده", "Persian")]
    public void A_message_mostly_in_another_script_is_named_by_it(string text, string script)
    {
        Assert.Equal(script, ForeignScript.Of(text));
    }

    [Theory]
    [InlineData("what are boxcar scars?")]
    [InlineData("my scars are so bad 😭😭 lol")]
    [InlineData("is TCA cross ok for my 痘坑 scars on my cheeks and forehead")]
    [InlineData("café crème für Narben, ça marche?")]
    [InlineData("😭")]
    [InlineData("")]
    public void Latin_text_with_at_most_a_borrowed_word_is_not(string text)
    {
        Assert.Null(ForeignScript.Of(text));
    }
}

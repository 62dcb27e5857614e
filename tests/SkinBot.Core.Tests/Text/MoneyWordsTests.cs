using SkinBot.Core.Text;

namespace SkinBot.Core.Tests.Text;

public sealed class MoneyWordsTests
{
    [Theory]
    [InlineData("ok but laser $$$?", "ok but laser  dollars ?")]
    [InlineData("is it £££ or £", "is it  pounds  or  pounds ")]
    [InlineData("how many € for subcision", "how many  euros  for subcision")]
    [InlineData("i have about £25 and $2,000 saved, 30€ tops", "i have about £25 and $2,000 saved, 30€ tops")]
    [InlineData("no money words here", "no money words here")]
    public void Bare_symbols_are_spelled_out_and_amounts_left_as_written(string text, string expected)
    {
        Assert.Equal(expected, MoneyWords.SpellOut(text));
    }
}

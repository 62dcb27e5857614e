using System.Text.RegularExpressions;

namespace SkinBot.Core.Text;

/// <summary>
/// Money said with bare symbols, spelled out for reading what is asked: "ok but laser $$$?" is "ok but laser dollars?".
/// The analyser drops symbols, so without this it reads as a question about lasers rather than their price. A symbol
/// beside an amount ("i have about £25") stays as it is: that is a budget told beside a question far more often than a
/// question about prices, and read as a price word it pulled such questions towards costs.
/// </summary>
public static partial class MoneyWords
{
    private static readonly Dictionary<char, string> Names = new()
    {
        ['$'] = "dollars",
        ['£'] = "pounds",
        ['€'] = "euros",
        ['₹'] = "rupees",
        ['¥'] = "yen",
    };

    public static string SpellOut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny("$£€₹¥") < 0
            ? text
            : BareSymbols().Replace(text, m => $" {Names[m.Value[0]]} ");
    }

    /// <summary>One symbol or a run of them ("$$$", "£££") with no amount on either side.</summary>
    [GeneratedRegex(@"(?<![\d.,])[$£€₹¥]+(?!\s?\d)")]
    private static partial Regex BareSymbols();
}

namespace SkinBot.Core.Markup;

/// <summary>
/// Finds the '&gt;' that closes a '&lt;' in amortised constant time. A candidate holding another '&lt;' is not a
/// token, so candidates never overlap and "&lt;&lt;&lt;&lt;…" cannot make the scan quadratic.
/// </summary>
internal sealed class AngleBrackets(string text)
{
    private readonly NextOccurrence _opens = new(text, "<");
    private readonly NextOccurrence _closes = new(text, ">");

    /// <summary>The index of the '&gt;' closing the '&lt;' at <paramref name="open"/>, or -1.</summary>
    public int TokenEnd(int open)
    {
        var close = _closes.From(open + 1);
        if (close < 0)
        {
            return -1;
        }

        var inner = _opens.From(open + 1);
        return inner >= 0 && inner < close ? -1 : close;
    }
}

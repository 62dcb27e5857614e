using System.Text;

namespace SkinBot.Core.Markup;

/// <summary>
/// Collects the text left when markup is removed. Removed markup leaves a soft separator, so "**what**are"
/// reads "what are" rather than "whatare", while "**what**?" stays "what?".
/// </summary>
internal sealed class PlainTextWriter(int capacity)
{
    private readonly StringBuilder _output = new(capacity);
    private bool _separate;

    /// <summary>Markup was removed here: the next character is kept apart from the previous one.</summary>
    public void Separate() => _separate = true;

    public void LineBreak()
    {
        _separate = false;
        _output.Append('\n');
    }

    public void Append(char c)
    {
        if (_separate)
        {
            _separate = false;
            if (IsClosing(c))
            {
                // "help @everyone?" reads "help?", not "help ?".
                while (_output.Length > 0 && _output[^1] is ' ' or '\t')
                {
                    _output.Length--;
                }
            }
            else if (_output.Length > 0 && NeedsSpace(_output[^1], c))
            {
                _output.Append(' ');
            }
        }

        _output.Append(c);
    }

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Append(c);
        }
    }

    public override string ToString() => _output.ToString();

    // A quote after removed markup ("**boxcar**'s") may open or close, so it is neither spaced nor pulled in.
    private static bool NeedsSpace(char previous, char next) =>
        !char.IsWhiteSpace(previous) && !char.IsWhiteSpace(next)
        && next is not ('"' or '\'' or '\u2019' or '\u201D')
        && previous is not ('(' or '[' or '{' or '"' or '\'' or '\u2018' or '\u201C' or '\u00BF' or '\u00A1');

    // ':' is not closing: "<a**:x:1>" must not close up into an emoji token once the stars are gone.
    private static bool IsClosing(char c) =>
        c is '.' or ',' or ';' or '!' or '?' or ')' or ']' or '}' or '\u2026';
}

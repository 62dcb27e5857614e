namespace SkinBot.Core.Markup;

/// <summary>
/// The next occurrence of a string at or after a position, for positions asked in increasing order. Each search
/// resumes where the last one ended, so a whole scan costs one pass over the text.
/// </summary>
internal sealed class NextOccurrence(string text, string value)
{
    private int _searchedFrom = -1;
    private int _found = -1;

    public int From(int position)
    {
        if (_searchedFrom >= 0 && position >= _searchedFrom && (_found < 0 || _found >= position))
        {
            return _found;
        }

        _searchedFrom = position;
        _found = position >= text.Length ? -1 : text.IndexOf(value, position, StringComparison.OrdinalIgnoreCase);
        return _found;
    }
}

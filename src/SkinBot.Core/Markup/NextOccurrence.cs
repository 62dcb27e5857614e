namespace SkinBot.Core.Markup;

/// <summary>
/// The next occurrence of a string at or after a position, for positions asked in increasing order. Each search
/// resumes where the last one ended, so a whole scan costs one pass over the text.
/// </summary>
internal sealed class NextOccurrence(string text, string value)
{
    private int searchedFrom = -1;
    private int found = -1;

    public int From(int position)
    {
        if (searchedFrom >= 0 && position >= searchedFrom && (found < 0 || found >= position))
        {
            return found;
        }

        searchedFrom = position;
        found = position >= text.Length ? -1 : text.IndexOf(value, position, StringComparison.OrdinalIgnoreCase);
        return found;
    }
}

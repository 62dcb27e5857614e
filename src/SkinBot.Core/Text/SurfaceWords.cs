namespace SkinBot.Core.Text;

/// <summary>
/// The words of a message as written (lower-cased, no stemming, no synonyms). Scope and pleasantry rules work
/// on these: the search analysis maps "scratch" to "pick" and "acne scar" to "pockmark", which is right for
/// finding passages and wrong for telling a cat scratch from a picked pimple.
/// </summary>
public static class SurfaceWords
{
    /// <summary>Letters and digits; an apostrophe inside a word is dropped so "don't" and "dont" read the same.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' && current.Length > 0)
            {
                continue;
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

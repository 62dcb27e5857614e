using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace SkinBot.Core.Corpus;

/// <summary>Ids and slugs: lower-case ASCII letters, digits and dashes, stable across platforms.</summary>
public static class ArticleIds
{
    public static string FromPath(string filePath) => Slug(Path.GetFileNameWithoutExtension(filePath));

    public static string Slug(string text)
    {
        // Lucene's ASCII folding ("é" → "e") works without ICU, unlike string.Normalize under invariant globalization.
        var input = text.ToLowerInvariant().ToCharArray();
        var folded = new char[Math.Max(1, input.Length * 4)];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, folded, 0, input.Length);
        var slug = new StringBuilder(length);
        foreach (var c in folded.AsSpan(0, length))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
        }

        return slug.ToString().Trim('-');
    }
}

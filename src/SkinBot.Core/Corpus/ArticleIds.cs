using System.Text;

namespace SkinBot.Core.Corpus;

/// <summary>Ids and slugs: lower-case ASCII letters, digits and dashes, stable across platforms.</summary>
public static class ArticleIds
{
    public static string FromPath(string filePath) => Slug(Path.GetFileNameWithoutExtension(filePath));

    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
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

using Lucene.Net.Util;

namespace SkinBot.Core.Search;

/// <summary>The one Lucene version constant every reader, writer and analyzer uses.</summary>
public static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}

namespace SkinBot.Host.Feedback.Report;

/// <summary>
/// Groups questions that share at least half their words (Jaccard over words of three letters or more): people
/// asking about the same missing topic rarely use the same sentence, but they use the same few content words.
/// </summary>
internal static class QuestionClusters
{
    private const double SameGap = 0.5;
    private const int MaxClusters = 20;

    public static IReadOnlyList<QuestionCluster> Of(IReadOnlyList<string> questions)
    {
        var clusters = new List<(HashSet<string> Words, string Example, int Count)>();
        foreach (var question in questions)
        {
            var words = Words(question);
            var index = clusters.FindIndex(cluster => Similarity(cluster.Words, words) >= SameGap);
            if (index < 0)
            {
                clusters.Add((words, question, 1));
            }
            else
            {
                clusters[index] = clusters[index] with { Count = clusters[index].Count + 1 };
            }
        }

        return clusters.OrderByDescending(cluster => cluster.Count).Take(MaxClusters)
            .Select(cluster => new QuestionCluster(cluster.Example, cluster.Count)).ToList();
    }

    private static HashSet<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{N}]+").Where(word => word.Length > 2).ToHashSet(StringComparer.Ordinal);

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }
}

namespace SkinBot.Core.Feedback;

/// <summary>Where answers and votes are kept (SQLite by default, PostgreSQL when shared by replicas).</summary>
public interface IFeedbackStore
{
    /// <summary>Creates or upgrades the schema; safe to call on every start and from several replicas.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task SaveAnswersAsync(IReadOnlyList<AnswerRecord> answers, CancellationToken cancellationToken);

    /// <summary>Saves votes; one per person per answer, so a second vote replaces the first.</summary>
    Task SaveVotesAsync(IReadOnlyList<VoteRecord> votes, CancellationToken cancellationToken);

    /// <summary>The person's current vote on the answer, if any: how a repeated press is told from a first or a changed one.</summary>
    Task<Vote?> FindVoteAsync(AnswerId answer, UserHash user, CancellationToken cancellationToken);

    /// <summary>Deletes the person's votes and unlinks them (and any question text) from their answers; returns the rows touched.</summary>
    Task<int> ForgetAsync(UserHash user, CancellationToken cancellationToken);

    /// <summary>Drops question and reason text recorded before <paramref name="cutoff"/>; returns the rows touched.</summary>
    Task<int> PurgeTextBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Answers since <paramref name="since"/>, with the votes on them, for the report.</summary>
    Task<FeedbackSnapshot> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

/// <summary>What the report reads: answers and the votes on them in a period.</summary>
public sealed record FeedbackSnapshot(IReadOnlyList<AnswerRecord> Answers, IReadOnlyList<VoteRecord> Votes);

using System.Data.Common;
using SkinBot.Core.Feedback;

namespace SkinBot.Host.Feedback;

/// <summary>
/// <see cref="IFeedbackStore"/> over ADO.NET, one implementation for SQLite and PostgreSQL: the SQL both understand
/// (ON CONFLICT upserts, @ parameters), with the provider only deciding how to serialise migrations between replicas.
/// </summary>
internal sealed class SqlFeedbackStore(DbDataSource dataSource, FeedbackProvider provider) : IFeedbackStore
{
    private const char PassageSeparator = ' ';

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (provider == FeedbackProvider.Sqlite)
        {
            // Write-ahead logging lets the report read while the writer writes.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (provider == FeedbackProvider.Postgres)
        {
            // Replicas start together: one migrates, the others wait for it and then find nothing to do.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(5117265);", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS feedback_schema (version INTEGER NOT NULL PRIMARY KEY);", cancellationToken);
        await using (var read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM feedback_schema;"))
        {
            var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (version, sql) in FeedbackMigrations.Steps.Where(step => step.Version > current))
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using var mark = Command(connection, transaction, "INSERT INTO feedback_schema (version) VALUES (@version);");
                Add(mark, "version", version);
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM feedback_schema;");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task SaveAnswersAsync(IReadOnlyList<AnswerRecord> answers, CancellationToken cancellationToken)
    {
        if (answers.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (provider == FeedbackProvider.Sqlite)
        {
            // In WAL mode NORMAL still survives a crash of the process; only a power cut can lose the last batch, and
            // syncing every commit was most of the cost of recording answers.
            await ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL;", cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One statement for the batch, parsed once and bound per row.
        await using var command = Command(connection, transaction, """
            INSERT INTO feedback_answers (answer_id, platform, intent, topic, confidence, low_confidence, corpus_version, passage_ids, answered_at, user_hash, question_text, not_covered)
            VALUES (@id, @platform, @intent, @topic, @confidence, @low, @corpus, @passages, @at, @user, @question, @uncovered)
            ON CONFLICT (answer_id) DO NOTHING;
            """);
        foreach (var answer in answers)
        {
            command.Parameters.Clear();
            Add(command, "id", answer.Id.Value);
            Add(command, "platform", answer.Platform);
            Add(command, "intent", answer.Intent);
            Add(command, "topic", answer.Topic);
            Add(command, "confidence", answer.Confidence);
            Add(command, "low", answer.LowConfidence ? 1 : 0);
            Add(command, "corpus", answer.CorpusVersion);
            Add(command, "passages", string.Join(PassageSeparator, answer.PassageIds));
            Add(command, "at", answer.At.ToUnixTimeMilliseconds());
            Add(command, "user", answer.User?.Value);
            Add(command, "question", answer.QuestionText);
            Add(command, "uncovered", answer.NotCovered ? 1 : 0);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveVotesAsync(IReadOnlyList<VoteRecord> votes, CancellationToken cancellationToken)
    {
        if (votes.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var vote in votes)
        {
            await using var command = Command(connection, transaction, """
                INSERT INTO feedback_votes (answer_id, user_hash, vote, reason, reason_text, platform, voted_at)
                VALUES (@answer, @user, @vote, @reason, @text, @platform, @at)
                ON CONFLICT (answer_id, user_hash) DO UPDATE SET
                    vote = excluded.vote, reason = excluded.reason, reason_text = excluded.reason_text,
                    platform = excluded.platform, voted_at = excluded.voted_at;
                """);
            Add(command, "answer", vote.Answer.Value);
            Add(command, "user", vote.User.Value);
            Add(command, "vote", vote.Vote.ToName());
            Add(command, "reason", vote.Reason.ToName());
            Add(command, "text", vote.ReasonText);
            Add(command, "platform", vote.Platform);
            Add(command, "at", vote.At.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Vote?> FindVoteAsync(AnswerId answer, UserHash user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT vote FROM feedback_votes WHERE answer_id = @answer AND user_hash = @user;");
        Add(command, "answer", answer.Value);
        Add(command, "user", user.Value);
        return await command.ExecuteScalarAsync(cancellationToken) is string name && VoteNames.TryParse(name, out var vote) ? vote : null;
    }

    public async Task<int> ForgetAsync(UserHash user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var votes = Command(connection, transaction, "DELETE FROM feedback_votes WHERE user_hash = @user;");
        Add(votes, "user", user.Value);
        var touched = await votes.ExecuteNonQueryAsync(cancellationToken);

        // The answers stay, unlinked, for the counts; what tied them to the person (and what they asked) goes.
        await using var answers = Command(connection, transaction, "UPDATE feedback_answers SET user_hash = NULL, question_text = NULL WHERE user_hash = @user;");
        Add(answers, "user", user.Value);
        touched += await answers.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return touched;
    }

    public async Task<int> PurgeTextBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var answers = Command(connection, transaction, "UPDATE feedback_answers SET question_text = NULL WHERE question_text IS NOT NULL AND answered_at < @cutoff;");
        Add(answers, "cutoff", cutoff.ToUnixTimeMilliseconds());
        var touched = await answers.ExecuteNonQueryAsync(cancellationToken);
        await using var votes = Command(connection, transaction, "UPDATE feedback_votes SET reason_text = NULL WHERE reason_text IS NOT NULL AND voted_at < @cutoff;");
        Add(votes, "cutoff", cutoff.ToUnixTimeMilliseconds());
        touched += await votes.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return touched;
    }

    public async Task<FeedbackSnapshot> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var answers = new List<AnswerRecord>();
        await using (var command = Command(connection, null, """
            SELECT answer_id, platform, intent, topic, confidence, low_confidence, corpus_version, passage_ids, answered_at, user_hash, question_text, not_covered
            FROM feedback_answers WHERE answered_at >= @since ORDER BY answered_at;
            """))
        {
            Add(command, "since", since.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!AnswerId.TryParse(reader.GetString(0), out var id))
                {
                    continue;
                }

                answers.Add(new AnswerRecord(
                    id.Value,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    Convert.ToDouble(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture) != 0,
                    reader.GetString(6),
                    reader.GetString(7).Split(PassageSeparator, StringSplitOptions.RemoveEmptyEntries),
                    DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture)))
                {
                    User = reader.IsDBNull(9) ? null : new UserHash(reader.GetString(9)),
                    QuestionText = reader.IsDBNull(10) ? null : reader.GetString(10),
                    NotCovered = Convert.ToInt64(reader.GetValue(11), System.Globalization.CultureInfo.InvariantCulture) != 0,
                });
            }
        }

        var votes = new List<VoteRecord>();
        await using (var command = Command(connection, null, """
            SELECT answer_id, user_hash, vote, reason, reason_text, platform, voted_at
            FROM feedback_votes WHERE voted_at >= @since ORDER BY voted_at;
            """))
        {
            Add(command, "since", since.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!AnswerId.TryParse(reader.GetString(0), out var id) || !VoteNames.TryParse(reader.GetString(2), out var vote))
                {
                    continue;
                }

                votes.Add(new VoteRecord(
                    id.Value,
                    new UserHash(reader.GetString(1)),
                    vote,
                    VoteReasonNames.Parse(reader.GetString(3)),
                    reader.GetString(5),
                    DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)))
                {
                    ReasonText = reader.IsDBNull(4) ? null : reader.GetString(4),
                });
            }
        }

        return new FeedbackSnapshot(answers, votes);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null)
        {
            // Every nullable column is text; saying so spares PostgreSQL guessing the type of a bare NULL.
            parameter.DbType = System.Data.DbType.String;
        }

        command.Parameters.Add(parameter);
    }
}

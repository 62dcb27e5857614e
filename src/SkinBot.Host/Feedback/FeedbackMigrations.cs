namespace SkinBot.Host.Feedback;

/// <summary>
/// The feedback schema, one numbered step at a time, the same SQL for SQLite and PostgreSQL (times are Unix
/// milliseconds and flags integers so neither needs its own types). Never edit a shipped step: add the next.
/// </summary>
internal static class FeedbackMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> Steps =
    [
        (1, """
            CREATE TABLE feedback_answers (
                answer_id TEXT NOT NULL PRIMARY KEY,
                platform TEXT NOT NULL,
                intent TEXT NOT NULL,
                topic TEXT NULL,
                confidence DOUBLE PRECISION NOT NULL,
                low_confidence INTEGER NOT NULL,
                corpus_version TEXT NOT NULL,
                passage_ids TEXT NOT NULL,
                answered_at BIGINT NOT NULL,
                user_hash TEXT NULL,
                question_text TEXT NULL);
            CREATE INDEX ix_feedback_answers_answered_at ON feedback_answers (answered_at);
            CREATE INDEX ix_feedback_answers_user_hash ON feedback_answers (user_hash);
            CREATE TABLE feedback_votes (
                answer_id TEXT NOT NULL,
                user_hash TEXT NOT NULL,
                vote TEXT NOT NULL,
                reason TEXT NOT NULL,
                reason_text TEXT NULL,
                platform TEXT NOT NULL,
                voted_at BIGINT NOT NULL,
                PRIMARY KEY (answer_id, user_hash));
            CREATE INDEX ix_feedback_votes_user_hash ON feedback_votes (user_hash);
            """),

        // "Not covered" answers (SkinBot said its articles do not cover the thing asked about), for the report.
        (2, "ALTER TABLE feedback_answers ADD COLUMN not_covered INTEGER NOT NULL DEFAULT 0;"),
    ];

    public static int Latest => Steps[^1].Version;
}

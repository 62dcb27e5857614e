namespace SkinBot.Host.Feedback;

/// <summary>Which database keeps feedback: SQLite in the data folder (one host), or PostgreSQL shared by replicas.</summary>
public enum FeedbackProvider
{
    Sqlite,
    Postgres,
}

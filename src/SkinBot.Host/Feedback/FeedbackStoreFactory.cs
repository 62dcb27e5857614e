using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SkinBot.Host.Feedback;

/// <summary>Opens the configured database: PostgreSQL from its connection string, else SQLite in the data folder.</summary>
internal static class FeedbackStoreFactory
{
    public const string SqliteFileName = "feedback.db";

    public static SqlFeedbackStore Create(FeedbackOptions options, string dataFolder) =>
        new(CreateDataSource(options, dataFolder), options.Provider);

    public static DbDataSource CreateDataSource(FeedbackOptions options, string dataFolder)
    {
        if (options.Provider == FeedbackProvider.Postgres)
        {
            return NpgsqlDataSource.Create(options.ConnectionString!);
        }

        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataFolder);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataFolder, SqliteFileName),
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
            }.ToString();
        }

        return SqliteFactory.Instance.CreateDataSource(connectionString);
    }
}

using Npgsql;
using SkinBot.Host.Feedback;
using SkinBot.Testing;

namespace SkinBot.Host.Tests.Feedback;

/// <summary>A fresh, empty feedback database per test: a SQLite file in a temp folder, or a PostgreSQL schema of its own.</summary>
internal sealed class FeedbackDatabases : IAsyncDisposable
{
    private readonly TempFolder? _folder;
    private readonly string? _schema;

    private readonly string? _server;

    private FeedbackDatabases(FeedbackOptions options, string dataFolder, TempFolder? folder, string? schema, string? server = null)
    {
        Options = options;
        DataFolder = dataFolder;
        _folder = folder;
        _schema = schema;
        _server = server;
    }

    public FeedbackOptions Options { get; }

    public string DataFolder { get; }

    public static FeedbackDatabases Sqlite()
    {
        var folder = new TempFolder();
        return new FeedbackDatabases(new FeedbackOptions { Provider = FeedbackProvider.Sqlite }, folder.Path, folder, null);
    }

    public static async Task<FeedbackDatabases> PostgresAsync()
    {
        var connectionString = await PostgresFactAttribute.ConnectionStringAsync();
        var schema = "feedback_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync();
        }

        var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
        return new FeedbackDatabases(new FeedbackOptions { Provider = FeedbackProvider.Postgres, ConnectionString = scoped }, Path.GetTempPath(), null, schema, connectionString);
    }

    public SqlFeedbackStore Store() => FeedbackStoreFactory.Create(Options, DataFolder);

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE;", connection);
            await command.ExecuteNonQueryAsync();
        }

        _folder?.Dispose();
    }
}

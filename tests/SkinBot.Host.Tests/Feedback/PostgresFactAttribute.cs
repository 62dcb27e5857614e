namespace SkinBot.Host.Tests.Feedback;

/// <summary>
/// A test against a real PostgreSQL server: the one <c>SKINBOT_TEST_POSTGRES</c> names (a connection string), or else a
/// throwaway cluster the tests start themselves from Debian's server binaries (<see cref="ThrowawayPostgres"/>), which
/// the README's test command installs. Where neither is possible the test is skipped with the reason, so the command
/// still passes on a machine without apt; CI (<c>.ci/run</c>) sets <c>SKINBOT_REQUIRE_POSTGRES=1</c>, so there a
/// missing server fails instead of skipping silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string ConnectionVariable = "SKINBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConfiguredConnectionString) && ThrowawayPostgres.WhyNot is { } why
            && Environment.GetEnvironmentVariable("SKINBOT_REQUIRE_POSTGRES") != "1")
        {
            Skip = $"No PostgreSQL server: set {ConnectionVariable} to a connection string (.ci/start-postgres.sh starts one); none could be started here: {why}.";
        }
    }

    /// <summary>The server named by <c>SKINBOT_TEST_POSTGRES</c>, if any.</summary>
    public static string? ConfiguredConnectionString => Environment.GetEnvironmentVariable(ConnectionVariable);

    /// <summary>The named server, or else the throwaway one, started on first use.</summary>
    public static async Task<string> ConnectionStringAsync() =>
        string.IsNullOrWhiteSpace(ConfiguredConnectionString) ? await ThrowawayPostgres.ConnectionStringAsync() : ConfiguredConnectionString;
}

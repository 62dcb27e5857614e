namespace SkinBot.Host.Tests.Feedback;

/// <summary>
/// A test against a real PostgreSQL server, named by <c>SKINBOT_TEST_POSTGRES</c> (a connection string). Without it the
/// test is skipped, so the README's test command passes on a laptop; CI (<c>.ci/run</c>) starts a server and sets
/// <c>SKINBOT_REQUIRE_POSTGRES=1</c>, so there a missing server fails instead of skipping silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string ConnectionVariable = "SKINBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && Environment.GetEnvironmentVariable("SKINBOT_REQUIRE_POSTGRES") != "1")
        {
            Skip = $"No PostgreSQL server: set {ConnectionVariable} to a connection string (.ci/start-postgres.sh starts one).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(ConnectionVariable);
}

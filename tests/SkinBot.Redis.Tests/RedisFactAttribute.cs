namespace SkinBot.Redis.Tests;

/// <summary>
/// A test that needs a real <c>redis-server</c> (it starts its own, on a free port, so it may stop and start it).
/// Where the binary is missing the test is skipped with the reason, so the README's test command passes on a bare
/// machine; CI (<c>.ci/run</c>) installs Redis and sets <c>SKINBOT_REQUIRE_REDIS=1</c>, so there a missing server fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!File.Exists(RedisServer.BinaryPath) && Environment.GetEnvironmentVariable("SKINBOT_REQUIRE_REDIS") != "1")
        {
            Skip = $"redis-server is not installed at {RedisServer.BinaryPath} (apt-get install -y redis-server, or set SKINBOT_REDIS_SERVER).";
        }
    }
}

namespace SkinBot.Host.Tests.Browser;

/// <summary>
/// A test that drives Chromium. <c>dotnet test</c> installs Debian's Chromium first where it can
/// (<c>tests/provision-debian-package.sh</c>); where it cannot, the test is skipped with the reason, so the README's test
/// command passes as written. CI (<c>.ci/run</c>) sets <c>SKINBOT_REQUIRE_BROWSER=1</c>, so there a missing browser fails
/// instead of skipping silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserSession.ChromiumPath) && Environment.GetEnvironmentVariable("SKINBOT_REQUIRE_BROWSER") != "1")
        {
            Skip = $"Chromium is not installed at {BrowserSession.ChromiumPath} (apt-get install -y chromium, or set SKINBOT_CHROMIUM).";
        }
    }
}

using Microsoft.Playwright;

namespace SkinBot.Host.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver: no browser download, no network but loopback.
/// Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Override with SKINBOT_CHROMIUM; CI installs Debian's <c>chromium</c> package.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("SKINBOT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps dialling Google's services, which a closed network refuses.
    private static readonly string[] Flags =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail(
                $"Chromium was not found at {ChromiumPath}. The browser test needs Debian's chromium package: " +
                "`apt-get update && apt-get install -y chromium` (or set SKINBOT_CHROMIUM to another Chromium binary).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = Flags,
                Timeout = 30_000,
            });
            return new BrowserSession(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Where screenshots go: SKINBOT_TEST_ARTIFACTS, else TestResults/browser at the repository root.</summary>
    public static string ArtifactDirectory()
    {
        var directory = Environment.GetEnvironmentVariable("SKINBOT_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Operations.RepositoryPaths.Root, "TestResults", "browser");
        Directory.CreateDirectory(directory);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

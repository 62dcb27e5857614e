using SkinBot.Testing;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>The bot registration the fakes and the hosts under test agree on (also used by the fleet test's host processes).</summary>
internal static class TeamsTestApp
{
    public const string AppId = "a3c6b6f1-2e54-4d1b-9f0e-7a1c2b3d4e5f";

    /// <summary>Made for this test run, so no file holds anything that looks like a real client secret.</summary>
    public static readonly string AppPassword = TestCredentials.New("app-password");
}

using System.Security.Cryptography;

namespace SkinBot.Testing;

/// <summary>
/// Tokens and passwords for the fakes, made fresh for each test run: nothing in the repository reads like a credential,
/// and a value that leaks into a log or a request can be searched for exactly.
/// </summary>
public static class TestCredentials
{
    public static string New(string purpose) => $"test-{purpose}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
}

using System.Diagnostics.CodeAnalysis;

namespace SkinBot.Host.Startup;

/// <summary>Keys given in configuration as base64 (<c>openssl rand -base64 32</c>), refused when too short to be a key.</summary>
internal static class Base64Key
{
    public static bool TryDecode(string text, int minimumBytes, [NotNullWhen(true)] out byte[]? key)
    {
        key = null;
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written) || written < minimumBytes)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}

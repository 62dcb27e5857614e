using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace SkinBot.Host.WebChat;

/// <summary>
/// Finds the chat page's files (wwwroot) wherever this build keeps them, so <c>skinbot</c> serves the page from any
/// working directory: embedded in the assembly, then the host's web root (source folder in Development, the app folder
/// when published), then a wwwroot folder next to the binary.
/// </summary>
internal static class WebChatAssets
{
    public const string IndexFile = "index.html";

    private const string EmbeddedPrefix = "SkinBot.Host.wwwroot";

    public static IFileProvider? Locate(IWebHostEnvironment environment)
    {
        var assembly = typeof(WebChatAssets).Assembly;
        if (HasEmbeddedIndex(assembly))
        {
            return new EmbeddedFileProvider(assembly, EmbeddedPrefix);
        }

        if (environment.WebRootFileProvider.GetFileInfo(IndexFile).Exists)
        {
            return environment.WebRootFileProvider;
        }

        var besideBinary = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return File.Exists(Path.Combine(besideBinary, IndexFile)) ? new PhysicalFileProvider(besideBinary) : null;
    }

    private static bool HasEmbeddedIndex(Assembly assembly) =>
        assembly.GetManifestResourceNames().Contains(EmbeddedPrefix + "." + IndexFile, StringComparer.Ordinal);
}

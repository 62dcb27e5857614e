namespace SkinBot.Host.Tests.Operations;

/// <summary>Locates files of this repository from the test binaries (the test host serves the page from source).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebRoot => Path.Combine(Root, "src", "SkinBot.Host", "wwwroot");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SkinBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SkinBot.sln not found above {AppContext.BaseDirectory}.");
    }
}

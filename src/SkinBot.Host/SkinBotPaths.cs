namespace SkinBot.Host;

/// <summary>
/// Finds the folder that holds appsettings.json and corpus/: the working directory or one of its parents when
/// run from a clone (so <c>dotnet run --project src/SkinBot.Host</c> reads the root appsettings.json), else the
/// installed tool's own folder, where both are packed.
/// </summary>
public static class SkinBotPaths
{
    public static string FindContentRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (IsContentRoot(directory.FullName))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    private static bool IsContentRoot(string path) =>
        File.Exists(Path.Combine(path, "appsettings.json")) && Directory.Exists(Path.Combine(path, "corpus"));
}

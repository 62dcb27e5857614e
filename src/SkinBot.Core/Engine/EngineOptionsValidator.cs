using Microsoft.Extensions.Options;
using SkinBot.Core.Search;

namespace SkinBot.Core.Engine;

/// <summary>
/// Checks Engine:IndexPath against the content root at start-up. SkinBot deletes old index generations in that
/// folder, so it must be a folder of its own: never the content root or one holding it, never the corpus, never a
/// filesystem root, never a folder that already holds other things.
/// </summary>
public sealed class EngineOptionsValidator(string contentRoot) : IValidateOptions<EngineOptions>
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        if (options.InMemoryIndex || string.IsNullOrWhiteSpace(options.IndexPath) || string.IsNullOrWhiteSpace(options.CorpusPath))
        {
            // Nothing is written to disk, or the missing value is already reported by the data annotations.
            return ValidateOptionsResult.Success;
        }

        var content = Normalise(contentRoot);
        var index = Normalise(Path.GetFullPath(options.IndexPath, content));
        var corpus = Normalise(Path.GetFullPath(options.CorpusPath, content));
        string? problem = null;
        if (Path.GetPathRoot(index) == index)
        {
            problem = $"{index} is a filesystem root";
        }
        else if (IsSameOrInside(content, index))
        {
            problem = $"{index} is the content root or holds it";
        }
        else if (IsSameOrInside(index, corpus) || IsSameOrInside(corpus, index))
        {
            problem = $"{index} is the corpus folder, inside it or holds it ({corpus})";
        }
        else
        {
            problem = IndexFolderOwnership.WhyNotOurs(index);
        }

        return problem is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Engine:IndexPath must be a folder of SkinBot's own, because SkinBot deletes its old indexes there: {problem}. "
                + "Use a new or empty folder such as data/index.");
    }

    private static string Normalise(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static bool IsSameOrInside(string path, string folder) =>
        string.Equals(path, folder, PathComparison)
        || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, PathComparison);
}

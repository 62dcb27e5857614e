using SkinBot.Testing;

namespace SkinBot.Core.Tests.Architecture;

/// <summary>House rules the analyzers cannot hold; the rest are in .editorconfig and fail the build.</summary>
public sealed class HouseStyleTests
{
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// SkinBot is an application on ASP.NET Core and the Generic Host, which have no synchronization context, so
    /// ConfigureAwait(false) changes nothing and only adds noise; the one policy is to leave it out.
    /// (ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing) is behaviour, not context, and stays.)
    /// </summary>
    [Fact]
    public void Product_code_does_not_write_ConfigureAwait_false()
    {
        // Split so that a search-and-replace of the call over the tree cannot empty this test.
        const string Call = ".ConfigureAwait" + "(false)";
        var offenders = SourceFiles()
            .Where(f => File.ReadAllText(f).Contains(Call, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToList();

        Assert.True(offenders.Count == 0, "ConfigureAwait(false) in: " + string.Join(", ", offenders));
    }
}

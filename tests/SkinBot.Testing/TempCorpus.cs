using SkinBot.Core.Engine;

namespace SkinBot.Testing;

/// <summary>
/// A private copy of the repository's corpus/ for a test that edits files, so the real corpus (and other tests)
/// never see the edit.
/// </summary>
public sealed class TempCorpus : IDisposable
{
    private readonly TempFolder _folder = new("skinbot-corpus");

    public TempCorpus(string? sourceCorpus = null)
    {
        Root = _folder.Combine("corpus");
        Copy(sourceCorpus ?? RepositoryRoot.Corpus, Root);
        Layout = new CorpusLayout(Root);
    }

    /// <summary>The corpus folder (articles/, synonyms.txt, intents.yml).</summary>
    public string Root { get; }

    /// <summary>A sibling folder for a persisted index, outside the watched corpus.</summary>
    public string IndexRoot => _folder.Combine("index");

    public CorpusLayout Layout { get; }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void Write(string relativePath, string text)
    {
        var full = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Rewrites a file through <paramref name="edit"/>, failing loudly if the edit changed nothing.</summary>
    public void Edit(string relativePath, Func<string, string> edit)
    {
        var before = Read(relativePath);
        var after = edit(before);
        if (after == before)
        {
            throw new InvalidOperationException($"The edit of {relativePath} changed nothing; the test would prove nothing.");
        }

        Write(relativePath, after);
    }

    public void Dispose() => _folder.Dispose();

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

using SkinBot.Core.Search;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Search;

/// <summary>
/// The index folder (Engine:IndexPath): SkinBot deletes only index generations it made itself, and refuses a
/// folder that holds anything else instead of clearing it.
/// </summary>
public sealed class IndexFolderOwnershipTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private void EditArticle(string marker) =>
        _corpus.Edit("articles/pockmarks.md", text => text.Replace("End of story.", $"End of story, {marker}.", StringComparison.Ordinal));

    [Fact]
    public async Task A_keep_folder_put_beside_the_index_generations_survives_a_rebuild()
    {
        string first;
        using (var knowledge = await KnowledgeBases.BuildAsync(_corpus.Root, _corpus.IndexRoot))
        {
            first = knowledge.Fingerprint;
        }

        var keep = Path.Combine(_corpus.IndexRoot, "keep");
        Directory.CreateDirectory(keep);
        File.WriteAllText(Path.Combine(keep, "notes.txt"), "mine");
        EditArticle("really");
        using var second = await KnowledgeBases.BuildAsync(_corpus.Root, _corpus.IndexRoot);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(keep, "notes.txt")));
        Assert.Empty(Directory.GetDirectories(_corpus.IndexRoot, first + "-*"));
        Assert.Single(Directory.GetDirectories(_corpus.IndexRoot, second.Fingerprint + "-*"));
    }

    [Fact]
    public async Task A_folder_holding_things_SkinBot_did_not_make_is_refused_and_nothing_in_it_is_deleted()
    {
        using var folder = new TempFolder("skinbot-not-an-index");
        folder.Write("keep/notes.txt", "mine");
        folder.Write("wwwroot/index.html", "<p>page</p>");

        var error = await Assert.ThrowsAsync<IndexFolderRefusedException>(() => KnowledgeBases.BuildAsync(_corpus.Root, folder.Path));

        Assert.Equal(folder.Path, error.FolderPath);
        Assert.Contains("keep", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(folder.Combine("keep", "notes.txt")));
        Assert.True(File.Exists(folder.Combine("wwwroot", "index.html")));
        Assert.Equal(["keep", "wwwroot"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_empty_or_missing_folder_becomes_a_marked_index_folder()
    {
        using var folder = new TempFolder("skinbot-empty-index");
        var missing = folder.Combine("data", "index");

        using var fromEmpty = await KnowledgeBases.BuildAsync(_corpus.Root, folder.Path);
        using var fromMissing = await KnowledgeBases.BuildAsync(_corpus.Root, missing);

        Assert.True(File.Exists(folder.Combine(IndexFolderOwnership.RootMarker)));
        Assert.True(File.Exists(Path.Combine(missing, IndexFolderOwnership.RootMarker)));
        Assert.Null(IndexFolderOwnership.WhyNotOurs(folder.Path));
    }

    [Fact]
    public async Task Generations_an_earlier_SkinBot_wrote_are_adopted_and_cleaned_up()
    {
        // Before index folders were marked, a generation held shard folders and its completion file only.
        var legacy = Path.Combine(_corpus.IndexRoot, "0123456789abcdef-12345678");
        Directory.CreateDirectory(Path.Combine(legacy, "shard-0"));
        File.WriteAllText(Path.Combine(legacy, "skinbot-index.complete"), "0123456789abcdef");

        using var knowledge = await KnowledgeBases.BuildAsync(_corpus.Root, _corpus.IndexRoot);

        Assert.False(Directory.Exists(legacy));
        Assert.True(File.Exists(Path.Combine(_corpus.IndexRoot, IndexFolderOwnership.RootMarker)));
        Assert.Single(Directory.GetDirectories(_corpus.IndexRoot));
    }

    [Fact]
    public async Task A_file_or_link_beside_the_generations_is_left_alone()
    {
        using (await KnowledgeBases.BuildAsync(_corpus.Root, _corpus.IndexRoot))
        {
        }

        using var elsewhere = new TempFolder("skinbot-link-target");
        elsewhere.Write("precious.txt", "mine");
        File.WriteAllText(Path.Combine(_corpus.IndexRoot, "README.txt"), "an operator's note");
        Directory.CreateSymbolicLink(Path.Combine(_corpus.IndexRoot, "linked"), elsewhere.Path);
        EditArticle("again");

        using var rebuilt = await KnowledgeBases.BuildAsync(_corpus.Root, _corpus.IndexRoot);

        Assert.True(File.Exists(Path.Combine(_corpus.IndexRoot, "README.txt")));
        Assert.True(Directory.Exists(Path.Combine(_corpus.IndexRoot, "linked")));
        Assert.Equal("mine", File.ReadAllText(elsewhere.Combine("precious.txt")));
    }

    [Fact]
    public void A_file_in_place_of_the_folder_is_not_ours()
    {
        using var folder = new TempFolder("skinbot-index-file");
        var file = folder.Write("index", "not a folder");

        Assert.NotNull(IndexFolderOwnership.WhyNotOurs(file));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkinBot.Core.Engine;
using SkinBot.Core.Search;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Engine;

/// <summary>
/// Engine:IndexPath is checked at start-up: a folder SkinBot would have to share (the content root, the corpus, a
/// filesystem root, a folder holding other things) stops the host with a message naming the key.
/// </summary>
public sealed class IndexPathValidationTests : IDisposable
{
    // A published folder: what IndexPath=. used to wipe.
    private readonly TempFolder _published = new("skinbot-published");

    public IndexPathValidationTests()
    {
        _published.Write("appsettings.json", "{}");
        _published.Write("corpus/intents.yml", "intents: []");
        _published.Write("wwwroot/index.html", "<p>page</p>");
        _published.Write("runtimes/linux-x64/native/lib.so", "binary");
        _published.Write("keep/notes.txt", "mine");
    }

    public void Dispose() => _published.Dispose();

    private ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSkinBotEngine(configuration, _published.Path);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData(".", "content root")]
    [InlineData("..", "content root")]
    [InlineData("/", "filesystem root")]
    [InlineData("corpus", "corpus")]
    [InlineData("corpus/index", "corpus")]
    [InlineData("keep", "keep")]
    [InlineData("wwwroot", "index.html")]
    [InlineData("appsettings.json", "not a folder")]
    public void An_index_path_that_is_not_SkinBots_own_folder_stops_the_start(string indexPath, string reason)
    {
        using var services = Services(("Engine:IndexPath", indexPath));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EngineOptions>>().Value);

        Assert.Contains("IndexPath", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(_published.Combine("keep", "notes.txt")));
        Assert.True(Directory.Exists(_published.Combine("corpus")));
    }

    [Theory]
    [InlineData("data/index")]
    [InlineData("empty")]
    public void A_new_or_empty_folder_is_a_valid_index_path(string indexPath)
    {
        Directory.CreateDirectory(_published.Combine("empty"));
        using var services = Services(("Engine:IndexPath", indexPath));

        var options = services.GetRequiredService<IOptions<EngineOptions>>().Value;

        Assert.Equal(indexPath, options.IndexPath);
    }

    [Fact]
    public void A_folder_SkinBot_marked_as_its_index_folder_is_valid()
    {
        _published.Write("data/index/" + IndexFolderOwnership.RootMarker, "SkinBot");
        _published.Write("data/index/notes.txt", "an operator's note");

        using var services = Services(("Engine:IndexPath", "data/index"));

        Assert.Equal("data/index", services.GetRequiredService<IOptions<EngineOptions>>().Value.IndexPath);
    }

    [Fact]
    public void An_in_memory_index_ignores_the_index_path()
    {
        using var services = Services(("Engine:IndexPath", "."), ("Engine:InMemoryIndex", "true"));

        Assert.True(services.GetRequiredService<IOptions<EngineOptions>>().Value.InMemoryIndex);
    }
}

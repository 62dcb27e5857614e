namespace SkinBot.Host.Tests.Cli;

/// <summary>
/// CLI verbs build their host from the content root found above the working directory (the test output folder,
/// which carries appsettings.json and corpus/, or the repository), and persist the index there; they run one at a
/// time so two verbs never race to write the same index folder.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CliCollection
{
    public const string Name = "CLI verbs";
}

using System.Globalization;

namespace SkinBot.Semantic.Distill;

/// <summary>Command-line settings; the defaults are the ones the shipped artefact was made with.</summary>
public sealed record DistillOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project src/SkinBot.Semantic.Distill -- [options]
          --repo DIR          repository root (default: the folder holding SkinBot.sln, found upwards)
          --out FILE          artefact to write (default: src/SkinBot.Core/Knowledge/Semantic/word-vectors.bin)
          --dims N            dimensions kept by PCA (default 192)
          --ranked-words N    most common encoder words kept (default 12000)
          --cache FILE        reuse or save the raw 384-float encodings (for trying other --dims quickly)
        """;

    public required string Repository { get; init; }

    public string? Output { get; init; }

    public int Dimensions { get; init; } = 192;

    public int RankedWords { get; init; } = 12_000;

    public string? Cache { get; init; }

    public string OutputPath => Output ?? Path.Combine(Repository, "src", "SkinBot.Core", "Intents", "Semantic", "word-vectors.bin");

    public static DistillOptions Parse(string[] args)
    {
        var options = new DistillOptions { Repository = FindRepository() };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--repo" => options with { Repository = Path.GetFullPath(Value()) },
                "--out" => options with { Output = Path.GetFullPath(Value()) },
                "--dims" => options with { Dimensions = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--ranked-words" => options with { RankedWords = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--cache" => options with { Cache = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SkinBot.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}

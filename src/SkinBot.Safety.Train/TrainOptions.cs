namespace SkinBot.Safety.Train;

/// <summary>The trainer's command line.</summary>
public sealed record TrainOptions(string Repository, string OutputPath, TrainerSettings Settings, int? CrossCheckFrom, string? ProbabilitiesPath)
{
    public const string Usage =
        "usage: dotnet run -c Release --project src/SkinBot.Safety.Train [-- [--repo DIR] [--out FILE] [--bits N] [--cross-check ROUND [--probabilities FILE]]]\n" +
        "  --cross-check ROUND  for each blind probe round from ROUND on, train without it and the later ones, and report what the model catches in it\n" +
        "  --probabilities FILE  with --cross-check, write each message's probability (part, label, probability, text) as TSV";

    /// <summary>The options, or null when they do not parse.</summary>
    public static TrainOptions? Parse(IReadOnlyList<string> args)
    {
        var repository = ".";
        string? output = null;
        var settings = TrainerSettings.Default;
        int? crossCheck = null;
        string? probabilities = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--repo" when value is not null:
                    repository = value;
                    break;
                case "--out" when value is not null:
                    output = value;
                    break;
                case "--bits" when int.TryParse(value, out var bits) && bits is >= 8 and <= 24:
                    settings = settings with { Bits = bits };
                    break;
                case "--cross-check" when int.TryParse(value, out var round):
                    crossCheck = round;
                    break;
                case "--probabilities" when value is not null:
                    probabilities = value;
                    break;
                default:
                    return null;
            }

            i++;
        }

        return new TrainOptions(repository, output ?? Path.Combine(repository, "src", "SkinBot.Core", "Safety", "crisis-model.bin"), settings, crossCheck, probabilities);
    }
}

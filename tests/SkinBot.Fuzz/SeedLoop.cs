using System.Diagnostics;
using System.Security.Cryptography;

namespace SkinBot.Fuzz;

/// <summary>
/// A plain mutation loop for machines without libFuzzer or AFL: seeds, then random byte edits and splices of them, for a
/// fixed time. No coverage guidance, so it finds less than a real fuzzer, but it needs nothing but .NET.
/// </summary>
internal static class SeedLoop
{
    private static readonly byte[][] Tokens = [.. new[]
    {
        "\"", "{", "}", "[", "]", ":", ",", "\\", "null", "-1e999", "\"options\":[", "---\n", "\n## ", "{#", "<@", "<at>", "**", "](",
        "\u200B", "\u202E", "\uD83D\uDC4D", "<script>", "\n- ", "/scar ", "/treatments at home ",
    }.Select(System.Text.Encoding.UTF8.GetBytes)];

    public static int Run(FuzzTarget target, TimeSpan duration, IReadOnlyList<string> seedPaths, string findingsFolder)
    {
        var seeds = LoadSeeds(seedPaths);
        var random = new Random(12345);
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        var executions = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var input = executions < seeds.Count ? seeds[(int)executions] : Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)], random);
            executions++;
            try
            {
                target.Run(input);
            }
            catch (Exception ex)
            {
                var signature = ex.GetType().Name + " at " + (ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "?");
                if (!findings.TryGetValue(signature, out var count))
                {
                    Directory.CreateDirectory(findingsFolder);
                    var file = Path.Combine(findingsFolder, $"{target.Name}-{Convert.ToHexStringLower(SHA256.HashData(input))[..12]}.bin");
                    File.WriteAllBytes(file, input);
                    Console.WriteLine($"FINDING {signature}: {ex.Message} (input saved to {file})");
                }

                findings[signature] = count + 1;
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{target.Name}: {executions:N0} executions in {seconds:0.0} s ({executions / seconds:N0}/s) from {seeds.Count} seeds; {findings.Count} distinct findings");
        return findings.Count == 0 ? 0 : 1;
    }

    private static List<byte[]> LoadSeeds(IReadOnlyList<string> paths)
    {
        var seeds = paths
            .SelectMany<string, string>(path => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [path])
            .Select(File.ReadAllBytes)
            .ToList();
        return seeds.Count > 0 ? seeds : [[]];
    }

    private static byte[] Mutate(byte[] seed, byte[] other, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(8);
        for (var i = 0; i < edits; i++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(1 + random.Next(16), bytes.Count - Math.Min(at, bytes.Count - 1)));
                    break;
                case 2:
                    bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3 when other.Length > 0:
                    var from = random.Next(other.Length);
                    bytes.InsertRange(at, other.Skip(from).Take(1 + random.Next(64)));
                    break;
                case 4 when bytes.Count > 0:
                    var start = Math.Min(at, bytes.Count - 1);
                    bytes.InsertRange(at, bytes.Skip(start).Take(1 + random.Next(32)).ToList());
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }
}

using SharpFuzz;
using SkinBot.Fuzz;

// skinbot-fuzz list
// skinbot-fuzz <target> libfuzzer            (run under libfuzzer-dotnet, see README.md)
// skinbot-fuzz <target> afl                  (run under afl-fuzz after `sharpfuzz` instrumentation, see README.md)
// skinbot-fuzz <target> loop <seconds> <seed file or folder>...   (a plain mutation loop, no tools needed)
if (args.Length == 0 || args[0] == "list")
{
    foreach (var each in Targets.All)
    {
        Console.WriteLine($"{each.Name,-12} {each.Description}");
    }

    return 0;
}

var target = Targets.All.FirstOrDefault(t => t.Name == args[0]);
if (target is null || args.Length < 2)
{
    Console.Error.WriteLine("usage: skinbot-fuzz <target> libfuzzer | afl | loop <seconds> <seeds>...   (skinbot-fuzz list names the targets)");
    return 2;
}

switch (args[1])
{
    case "libfuzzer":
        Fuzzer.LibFuzzer.Run(span => target.Run(span.ToArray()));
        return 0;
    case "afl":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    case "loop" when args.Length >= 3 && int.TryParse(args[2], out var seconds):
        return SeedLoop.Run(target, TimeSpan.FromSeconds(seconds), args[3..], Path.Combine(Path.GetTempPath(), "skinbot-fuzz-findings"));
    default:
        Console.Error.WriteLine($"unknown mode '{args[1]}'");
        return 2;
}

using System.Diagnostics;
using System.Security.Cryptography;
using SkinBot.Core.Safety;
using SkinBot.Safety.Train;

// Trains the crisis model behind the screen's third reader (see README.md).
var arguments = TrainOptions.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(TrainOptions.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var texts = TrainingSources.Read(arguments.Repository);
Console.WriteLine($"training texts: {texts.Count} ({texts.Count(t => t.Crisis)} crisis), read in {clock.Elapsed.TotalSeconds:0.0}s");
var trainer = new LogisticTrainer(arguments.Settings);
if (arguments.CrossCheckFrom is { } from)
{
    using var probabilities = arguments.ProbabilitiesPath is null ? null : File.CreateText(arguments.ProbabilitiesPath);
    CrossCheck.Run(trainer, texts, TrainingSources.HeldOutOrdinary(arguments.Repository), from, CrisisModelTuning.Default, Console.Out, probabilities);
    return 0;
}

var model = trainer.Train(texts);
using (var output = File.Create(arguments.OutputPath))
{
    CrisisModelFile.Write(output, model.Bits, model.Bias, model.Weights);
}

var bytes = File.ReadAllBytes(arguments.OutputPath);
Console.WriteLine($"wrote {arguments.OutputPath}: {bytes.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}, in {clock.Elapsed.TotalSeconds:0}s");
return 0;

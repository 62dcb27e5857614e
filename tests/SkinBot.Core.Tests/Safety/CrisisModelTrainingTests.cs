using SkinBot.Core.Safety;
using SkinBot.Safety.Train;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Safety;

/// <summary>The shipped crisis model must be the one the trainer makes from the labelled sets in this repository.</summary>
public sealed class CrisisModelTrainingTests
{
    [Fact]
    public void The_shipped_model_is_what_the_trainer_makes_from_the_sets_in_the_repository()
    {
        var texts = TrainingSources.Read(RepositoryRoot.Path);
        var retrained = new LogisticTrainer(TrainerSettings.Default).Train(texts);
        var shipped = CrisisModel.Embedded;

        // A tolerance, not byte equality: another CPU's Math.Exp may differ in the last bit. A set that changed
        // without retraining moves weights by far more than this.
        Assert.Equal(retrained.Bits, shipped.Bits);
        Assert.Equal(retrained.Bias, shipped.Bias, 0.01f);
        var largest = 0f;
        for (var i = 0; i < shipped.Weights.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(retrained.Weights[i] - shipped.Weights[i]));
        }

        Assert.True(largest < 0.01f, $"a weight differs by {largest}: run `dotnet run -c Release --project src/SkinBot.Safety.Train` and commit crisis-model.bin");
    }

    [Fact]
    public void Every_gated_blind_probe_message_is_marked_with_its_part()
    {
        var messages = TrainingSources.ReadSet(RepositoryRoot.Eval("safety.yml")).ToList();
        var round35 = messages.Where(m => m.Part == "35 a").ToList();

        Assert.Equal(72, round35.Count);
        Assert.Equal(30, round35.Count(m => m.Crisis));
        Assert.All(messages.Where(m => m.Part is not null), m => Assert.NotNull(m.Round));
    }

    [Fact]
    public void The_held_out_ordinary_messages_are_never_trained_on()
    {
        var trained = TrainingSources.Read(RepositoryRoot.Path).Select(t => Markup.MessageNormalizer.Normalize(t.Text)).ToHashSet(StringComparer.Ordinal);
        var heldOut = TrainingSources.HeldOutOrdinary(RepositoryRoot.Path);

        Assert.True(heldOut.Count > 900);
        Assert.DoesNotContain(heldOut, trained.Contains);
    }
}

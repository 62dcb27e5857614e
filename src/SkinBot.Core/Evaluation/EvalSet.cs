using SkinBot.Core.Corpus;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Evaluation;

/// <summary>A labelled question file (tests/eval/questions.yml).</summary>
public sealed class EvalSet
{
    public List<EvalQuestion> Questions { get; set; } = [];

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static EvalSet Parse(string yaml, string sourceName)
    {
        var set = CorpusYaml.Deserialize<EvalSet?>(Deserializer, yaml, sourceName) ?? new EvalSet();
        // YAML reads an empty key ("questions:", "expect:") as null: it means an empty list.
        set.Questions ??= [];
        var blank = set.Questions.FindIndex(q => q is null);
        if (blank >= 0)
        {
            throw new CorpusFormatException(sourceName, $"question {blank + 1} is empty");
        }

        set.Questions.ForEach(q => q.Expect ??= []);
        var badTier = set.Questions.FindIndex(q => q.Urgency is not null && Domain.UrgencyNames.Parse(q.Urgency) is null);
        if (badTier >= 0)
        {
            throw new CorpusFormatException(sourceName, $"question {badTier + 1} has unknown urgency '{set.Questions[badTier].Urgency}' (none, see_doctor, infection, emergency, crisis)");
        }

        var unlabelled = set.Questions.FindIndex(q => string.IsNullOrWhiteSpace(q.Intent));
        return unlabelled < 0 ? set : throw new CorpusFormatException(sourceName, $"question {unlabelled + 1} has no intent label");
    }
}

/// <summary>One labelled question.</summary>
public sealed class EvalQuestion
{
    public string Text { get; set; } = string.Empty;

    /// <summary>The intent a good answer has.</summary>
    public string Intent { get; set; } = string.Empty;

    /// <summary>Passages of which one should be quoted: a lead term ("Subcision") or "section:&lt;id&gt;".</summary>
    public List<string> Expect { get; set; } = [];

    /// <summary>
    /// The safety tier a good answer has (none, see_doctor, infection, emergency, crisis). Omitted means "none",
    /// except that a question labelled urgent without a tier only has to be recognised as urgent.
    /// </summary>
    public string? Urgency { get; set; }

    /// <summary>
    /// A message sent first in the same conversation, its answer not scored: the question is then read as what the
    /// person wrote next (after a crisis reply, "i mean it").
    /// </summary>
    public string? After { get; set; }

    /// <summary>clean, casual, long, named, out_of_scope, urgent, adversarial, real, safety: for reporting only.</summary>
    public string Style { get; set; } = "clean";
}

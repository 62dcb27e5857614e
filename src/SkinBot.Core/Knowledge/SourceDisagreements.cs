using SkinBot.Core.Corpus;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Knowledge;

/// <summary>
/// disagreements.yml: where SkinBot's sources say different things about the same question. An answer that quotes
/// one side also quotes the others and says, in SkinBot's words, that they differ, so nobody takes one source's view
/// for the whole story. The note may only contrast what the quoted passages themselves say.
/// </summary>
public sealed class SourceDisagreements
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private SourceDisagreements(IReadOnlyList<SourceDisagreement> all) => All = all;

    /// <summary>A corpus without disagreements.yml.</summary>
    public static SourceDisagreements Empty { get; } = new([]);

    public IReadOnlyList<SourceDisagreement> All { get; }

    /// <summary>Parses and resolves every side to the passages it names; a side that names none fails, by name.</summary>
    public static SourceDisagreements Parse(string yaml, string path, IReadOnlyList<Passage> passages)
    {
        var file = CorpusYaml.Deserialize<DisagreementsFile?>(Deserializer, yaml, path);

        var all = new List<SourceDisagreement>();
        foreach (var entry in file?.Disagreements ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Note) || entry.Sides.Count < 2)
            {
                throw new CorpusFormatException(path, $"disagreement '{entry.Id}' needs an id, a note and at least two sides");
            }

            var sides = entry.Sides.Select(side => Resolve(side, entry.Id, path, passages)).ToList();
            all.Add(new SourceDisagreement(entry.Id, sides, entry.Note.Trim()));
        }

        return new SourceDisagreements(all);
    }

    private static IReadOnlyList<Passage> Resolve(DisagreementSide side, string id, string path, IReadOnlyList<Passage> passages)
    {
        var named = passages
            .Where(p => p.SectionId == side.Section && (side.Lead is null || string.Equals(p.LeadTerm, side.Lead, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return named.Count > 0
            ? named
            : throw new CorpusFormatException(path, $"disagreement '{id}': no passage in section '{side.Section}'{(side.Lead is null ? string.Empty : $" led by '{side.Lead}'")}");
    }

    private sealed class DisagreementsFile
    {
        public List<DisagreementEntry> Disagreements { get; set; } = [];
    }

    private sealed class DisagreementEntry
    {
        public string Id { get; set; } = string.Empty;

        public List<DisagreementSide> Sides { get; set; } = [];

        public string Note { get; set; } = string.Empty;
    }

    private sealed class DisagreementSide
    {
        public string Section { get; set; } = string.Empty;

        /// <summary>Narrows the section to the passage with this lead term (one item of a list).</summary>
        public string? Lead { get; set; }
    }
}

/// <summary>One question on which the sources differ: the passages of each side, and SkinBot's note saying how.</summary>
public sealed record SourceDisagreement(string Id, IReadOnlyList<IReadOnlyList<Passage>> Sides, string Note);

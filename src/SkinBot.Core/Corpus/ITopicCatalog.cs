using SkinBot.Core.Domain;

namespace SkinBot.Core.Corpus;

/// <summary>
/// The named things the current corpus can answer about, for autocomplete and command menus.
/// Always reflects the index that is serving right now.
/// </summary>
public interface ITopicCatalog
{
    /// <summary>Treatment lead terms ("Retinol", "Subcision") with where they are done.</summary>
    IReadOnlyList<TreatmentTopic> Treatments { get; }
}

/// <param name="Name">The lead term as written in the corpus.</param>
/// <param name="Setting">The list the treatment is in: at home or in office.</param>
public sealed record TreatmentTopic(string Name, TreatmentSetting Setting);

using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;

namespace SkinBot.Discord.Tests.Fakes;

internal sealed class FakeTopicCatalog : ITopicCatalog
{
    public IReadOnlyList<TreatmentTopic> Treatments { get; init; } =
    [
        new("Retinol", TreatmentSetting.AtHome),
        new("Retinoids", TreatmentSetting.AtHome),
        new("Vitamin C", TreatmentSetting.AtHome),
        new("Glycolic acid", TreatmentSetting.AtHome),
        new("Microneedling", TreatmentSetting.InOffice),
        new("Subcision", TreatmentSetting.InOffice),
        new("Laser resurfacing", TreatmentSetting.InOffice),
        new("Chemical peels", TreatmentSetting.InOffice),
    ];
}

using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;

namespace SkinBot.Discord.Tests.Fakes;

internal sealed class FakeTopicCatalog : ITopicCatalog
{
    public IReadOnlyList<TreatmentTopic> Treatments { get; init; } =
    [
        new("Retinol", CommandNames.Settings.AtHome),
        new("Retinoids", CommandNames.Settings.AtHome),
        new("Vitamin C", CommandNames.Settings.AtHome),
        new("Glycolic acid", CommandNames.Settings.AtHome),
        new("Microneedling", CommandNames.Settings.InOffice),
        new("Subcision", CommandNames.Settings.InOffice),
        new("Laser resurfacing", CommandNames.Settings.InOffice),
        new("Chemical peels", CommandNames.Settings.InOffice),
    ];
}

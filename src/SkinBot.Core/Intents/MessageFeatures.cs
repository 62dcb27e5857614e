using SkinBot.Core.Corpus;
using SkinBot.Core.Engine;

namespace SkinBot.Core.Intents;

/// <summary>What a message names, read off its analysed terms with the domain vocabulary.</summary>
public sealed record MessageFeatures(
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> ScarTypes,
    IReadOnlyList<Passage> Treatments,
    string? TreatmentsSetting,
    string? Setting,
    bool AboutScarring,
    bool AboutSkin,
    double KnownTermShare)
{
    public static MessageFeatures Read(IReadOnlyList<string> terms, KnowledgeBase knowledge)
    {
        var vocabulary = knowledge.Vocabulary;
        var scarTypes = terms.Select(t => vocabulary.ScarTypeTerms.GetValueOrDefault(t)).OfType<string>().Distinct().ToList();
        var treatments = terms.SelectMany(t => vocabulary.TreatmentTerms.GetValueOrDefault(t) ?? []).Distinct().ToList();
        var treatmentSettings = treatments.Select(p => vocabulary.TreatmentSettings[p.Id]).Distinct().ToList();
        var home = terms.Count(t => vocabulary.SettingCues.GetValueOrDefault(t) == Chat.CommandNames.Settings.AtHome);
        var office = terms.Count(t => vocabulary.SettingCues.GetValueOrDefault(t) == Chat.CommandNames.Settings.InOffice);
        var setting = home > office ? Chat.CommandNames.Settings.AtHome : office > home ? Chat.CommandNames.Settings.InOffice : null;
        var known = terms.Count == 0 ? 0 : terms.Count(t => knowledge.Examples.Knows(t) || knowledge.Index.DocumentFrequency(t) > 0) / (double)terms.Count;
        var aboutScarring = terms.Any(vocabulary.DomainTerms.Contains);
        return new MessageFeatures(
            terms,
            scarTypes,
            treatments,
            treatmentSettings.Count == 1 ? treatmentSettings[0] : null,
            setting,
            aboutScarring,
            aboutScarring || terms.Any(vocabulary.RelatedTerms.Contains),
            known);
    }
}

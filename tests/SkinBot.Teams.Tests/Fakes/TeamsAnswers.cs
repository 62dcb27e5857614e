using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;

namespace SkinBot.Teams.Tests.Fakes;

/// <summary>
/// What the Teams suites' engine answers (the shared <see cref="Testing.Fakes.FakeChatEngine"/> with these answers): like
/// the real engine would (quoted passages with sources, the caveat, follow-ups), from a few canned topics chosen by the
/// request's command or words.
/// </summary>
internal static class TeamsAnswers
{
    public const string Caveat = "This is general information, not a diagnosis. See a board-certified dermatologist early: delay makes scarring harder to treat.";

    public static readonly SourceInfo Source = new("What to know about pitted acne scars", "Test Health Journal", "https://example.org/pitted-acne-scars", "Rachel Maiman, MD");

    public static Answer For(ChatRequest request)
    {
        var command = request.Command;
        var text = request.Text.ToLowerInvariant();
        if (command?.Name == CommandNames.Help)
        {
            return new Answer
            {
                Intent = "help",
                Confidence = 1,
                Headline = "What SkinBot can answer",
                Message = "Ask about scar types (ice pick, boxcar, rolling), prevention, or treatments at home and in office.",
                FollowUps = [new FollowUp("Boxcar scars", "scar boxcar")],
                Caveat = "General information, not a diagnosis: see a board-certified dermatologist.",
                CorpusVersion = "test",
            };
        }

        if (text.Contains("huge", StringComparison.Ordinal))
        {
            var passages = Enumerable.Range(1, 40)
                .Select(i => Passage($"huge-{i}", string.Concat(Enumerable.Repeat($"Passage {i} explains rolling scars in detail. ", 60)), "Types", "Rolling scars"))
                .ToList();
            return Substantive("rolling", "Rolling scars", passages, "rolling");
        }

        if (command?.Name == CommandNames.Scar && command.Option(CommandNames.ScarTypeOption) == ScarTypeNames.Boxcar
            || text.Contains("boxcar", StringComparison.Ordinal))
        {
            return Substantive("scar_type", "Boxcar scars",
            [
                Passage("pitted-acne-scars#7", "Boxcar scars: Broad, box-like depressions with sharply defined edges, like chickenpox scars.", "Types of pitted scars", "Boxcar scars"),
                Passage("pitted-acne-scars#8", "They form when an inflammatory breakout destroys collagen and the tissue heals with a depression.", "Types of pitted scars", null),
            ], "boxcar");
        }

        if (command?.Name == CommandNames.Scar)
        {
            return Substantive("scar_type", "Types of pitted acne scars",
            [
                Passage("pitted-acne-scars#5", "Ice pick scars: Narrow, deep pits that look like large open pores.", "Types of pitted scars", "Ice pick scars"),
                Passage("pitted-acne-scars#7", "Boxcar scars: Broad, box-like depressions with sharply defined edges.", "Types of pitted scars", "Boxcar scars"),
                Passage("pitted-acne-scars#9", "Rolling scars: Wide depressions with sloping edges that give skin an uneven look.", "Types of pitted scars", "Rolling scars"),
            ], null);
        }

        if (command?.Name == CommandNames.Prevent || text.Contains("prevent", StringComparison.Ordinal))
        {
            return Substantive("prevention", "Preventing pitted scars",
            [
                Passage("pitted-acne-scars#20", "The best way to prevent pitted scars is to treat acne early and avoid picking or popping pimples.", "Prevention", null),
            ], null);
        }

        if (command?.Name == CommandNames.Treatments || text.Contains("retinol", StringComparison.Ordinal) || text.Contains("treat", StringComparison.Ordinal))
        {
            return Substantive("treatments_at_home", "Treatments you can try at home",
            [
                Passage("pitted-acne-scars#12", "Retinol: A vitamin A derivative that speeds cell turnover and can soften shallow scars over months.", "Treatments › At home", "Retinol"),
                Passage("pitted-acne-scars#13", "AHAs: Glycolic acid exfoliates the surface and can make scars look less deep.", "Treatments › At home", "AHAs"),
            ], "retinol");
        }

        return new Answer
        {
            Intent = "unknown",
            Confidence = 0.2,
            Headline = "I'm not sure I understood",
            Message = "I can talk about pitted acne scars. Did you mean one of these?",
            LowConfidence = true,
            FollowUps = [new FollowUp("Scar types", "scar"), new FollowUp("Prevention", "prevent")],
            CorpusVersion = "test",
        };
    }

    private static Answer Substantive(string intent, string headline, IReadOnlyList<AnswerPassage> passages, string? topic) => new()
    {
        Intent = intent,
        Confidence = 0.9,
        Headline = headline,
        Passages = passages,
        Caveat = Caveat,
        FollowUps =
        [
            new FollowUp("How are they treated?", "how are boxcar scars treated?"),
            new FollowUp("Can I prevent them?", "how do I prevent acne scars?"),
        ],
        CorpusVersion = "test",
        Topic = topic,
    };

    private static AnswerPassage Passage(string id, string text, string section, string? leadTerm) =>
        new(id, text, section.Split(" › "), leadTerm, Source, 3.2);
}

using SkinBot.Core.Answers;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Conversations;

/// <summary>
/// A follow-up keeps its subject when it moves to another topic: after "what are rolling scars?", "how do you treat
/// them?" is about treating rolling scars, answered from the passages about them (issue 11, item 3).
/// </summary>
public sealed class SubjectAcrossTopicsTests
{
    private const string TreatmentsByScarType = "treatment_by_scar_type";

    private static async Task<Conversation> ChatAsync() =>
        new(KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync()), Guid.NewGuid().ToString("N"));

    /// <summary>The answer leads with the subject: one of its first two passages is from that scar type's section.</summary>
    private static bool LeadsWith(Answer answer, string sectionId) =>
        answer.Passages.Take(2).Any(p => p.SectionId == sectionId);

    [Theory]
    [InlineData("what are rolling scars?", "how do you treat them?", "rolling-scar-treatment")]
    [InlineData("what are ice pick scars", "ok how do u get rid of those", "ice-pick-scar-treatment")]
    [InlineData("boxcar scars??", "which treatment works on them", "boxcar-scar-treatment")]
    public async Task A_treatment_question_after_a_scar_type_is_about_that_scar_type(string first, string followUp, string section)
    {
        await (await ChatAsync())
            .Send(first)
            .AssertIntent("scar_types")
            .Send(followUp)
            .AssertIntent(TreatmentsByScarType)
            .Assert(a => LeadsWith(a, section), $"one of the first two passages comes from {section}")
            .AssertCaveat()
            .RunAsync();
    }

    [Fact]
    public async Task A_scar_type_answer_offers_how_to_treat_that_type()
    {
        await (await ChatAsync())
            .Send("what are rolling scars?")
            .AssertFollowUp("How do you treat rolling scars?")
            .RunAsync();
    }

    [Fact]
    public async Task A_new_subject_replaces_the_old_one()
    {
        await (await ChatAsync())
            .Send("what are rolling scars?")
            .Send("what are ice pick scars?")
            .Send("how do you treat them?")
            .Assert(a => LeadsWith(a, "ice-pick-scar-treatment"), "the treatments for ice pick scars, the latest subject")
            .RunAsync();
    }

    [Fact]
    public async Task Without_a_subject_a_treatment_question_gets_the_general_answer()
    {
        await (await ChatAsync())
            .Send("how do you treat them?")
            .AssertNotIntent(TreatmentsByScarType)
            .RunAsync();
    }
}

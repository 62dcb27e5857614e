using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Domain;
using SkinBot.Testing;

namespace SkinBot.Core.Tests.Intents;

/// <summary>What the engine takes a question to mean, and what each kind of answer must and must not contain.</summary>
public sealed class IntentTests
{
    private static readonly string[] InOfficeLeads =
        ["Microneedling with radiofrequency", "Laser", "Chemical peels", "Surgical scar revision", "Subcision", "Others"];

    private static async Task<Answer> AskAsync(string text)
    {
        var engine = KnowledgeBases.Engine(await KnowledgeBases.SharedRepositoryCorpusAsync());
        return await engine.AnswerAsync(new ChatRequest(Platforms.Web, Guid.NewGuid().ToString("N"), "user", text), CancellationToken.None);
    }

    public static TheoryData<string, string> Questions => new()
    {
        { "What exactly is a pockmark?", IntentIds.Definition },
        { "why does acne leave little holes in my face", IntentIds.Definition },
        { "What causes pitted scars to form?", IntentIds.Definition },
        { "How many kinds of pitted acne scars are there?", IntentIds.ScarTypes },
        { "what are rolling scars", IntentIds.ScarTypes },
        { "what does an icepick scar look like?", IntentIds.ScarTypes },
        { "How can I stop my acne from scarring?", IntentIds.Prevention },
        { "is popping my zits going to leave pits", IntentIds.Prevention },
        { "does wearing sunscreen help avoid pockmarks?", IntentIds.Prevention },
        { "Will my pockmarks ever go away for good?", IntentIds.Permanence },
        { "are pitted scars permanent", IntentIds.Permanence },
        { "What can I use at home to improve my pitted scars?", IntentIds.TreatmentAtHome },
        { "any over the counter products that help pock marks?", IntentIds.TreatmentAtHome },
        { "What procedures can a dermatologist do for pitted scars?", IntentIds.TreatmentInOffice },
        { "which in-office treatments work on acne scars", IntentIds.TreatmentInOffice },
        { "How do I get rid of my pockmarks?", IntentIds.TreatmentAny },
        { "what are the options for treating pitted acne scars", IntentIds.TreatmentAny },
        { "ngl my concealer makes the red bits on my cheeks look kinda greyish, does green colour corrector actually do anything lol", "camouflage" },
        { "whats the best way to fade the acne marks on my dark skin without making them worse?", "darker_skin" },
        { "hello!", IntentIds.GreetingHelp },
        { "what can you help me with?", IntentIds.GreetingHelp },
        { "Are you able to answer questions about acne scars?", IntentIds.GreetingHelp },
        { "hey bot, what questions can i ask you about pockmarks", IntentIds.GreetingHelp },
        { "hi! what are rolling scars? thanks!!", IntentIds.ScarTypes },
        // Hello and thanks around a question are not a question about SkinBot, whatever the subject's name beside them.
        { "hi! what are pockmarks? thanks!!", IntentIds.Definition },
        { "hi!! thanks so much!! what are pockmarks?", IntentIds.Definition },
        // Said to SkinBot, but asking to be told about the subject: the answer, not the help menu.
        { "hey bot what can you tell me about pockmarks", IntentIds.Definition },
        { "can you explain boxcar scars", IntentIds.ScarTypes },
        { "are u a doctor or a program? dont wanna trust a random site", IntentIds.GreetingHelp },
        { "ok bye skinbot ttyl", IntentIds.GreetingHelp },
        { "is this AI?? like am i talking to chatgpt or a person", IntentIds.GreetingHelp },
        // Several questions about SkinBot at length, the subject only as context: the help reply, which says what it answers.
        { "hi first time here. what can you actually help with? are you a real person or a bot, and do you only do acne scars or other skin stuff too? i have some pits on my cheeks, thank you!!", IntentIds.GreetingHelp },
        { "hey skinbot, thanks so much for the help yesterday!! quick one: are boxcar scars permanent? youre the best", IntentIds.Permanence },
        { "how much money am i looking at to fix boxcar scars, is it hundreds or thousands", "procedure_cost" },
        { "wat actually fixes pock marks tbh", IntentIds.TreatmentAny },
        { "any cream that works on scar pits rn", IntentIds.TreatmentAtHome },
        { "tips so acne doesnt leave dents pls", "prevention" },
        { "my friend says theyre just flat and pinkish marks, not pitted scars. whats the difference between marks and pitted scars", "marks_vs_pits" },
        // A treatment named as where the question happens, with another question far ahead on every reading.
        { "i have microneedling on friday after school. will i be able to go back to school on monday or will my face be all red?", "procedure_downtime" },
        { "popped a huge spot last night and now theres a scab, what do i do so it doesnt scar? i have subcision booked in 2 weeks", "wound_care" },
        { "Does subcision hurt?", "procedure_pain" },
        { "do lasers hurt a lot", "procedure_pain" },
        { "thanks!! does subcision hurt", "procedure_pain" },
        { "logging off now, thanks for all the help with my laser questions!!", IntentIds.GreetingHelp },
        { "which treatment is best for rolling scars? i keep hearing about subcision", "treatment_by_scar_type" },
        { "what works for ice pick scars, i heard microneedling doesnt. other options?", "treatment_by_scar_type" },
        { "does subcision work for rolling scars?", IntentIds.TreatmentInOffice },
        // The pick of treatments for a named type, no treatment named or none that decides: the type's own list.
        { "my cheeks are mostly rolling scars, the wavy kind. which treatment is best for that type", "treatment_by_scar_type" },
        { "is fractional laser or microneedling better for icepick scars??", "treatment_by_scar_type" },
        { "how do i choose a good clinic for my subcision, what should i be looking for", "procedure_expectations" },
        { "should a beautician or a doctor do my microneedling? the spa is cheaper but idk if they are qualified", "procedure_expectations" },
        { "can subcision make things worse? what are the downsides and side effects", "procedure_risks" },
        // A home tool's own passage carries its warnings: the procedure sections are for clinic treatments.
        { "could my dermaroller damage my skin if i use it at home too often? what are the downsides", IntentIds.TreatmentAtHome },
        // A condition named as background to a procedure question is about the procedure's risks.
        { "I get eczema on my cheeks now and then, would that stop me having microneedling?", "procedure_risks" },
        // Clinic prices do not answer a question about what to do at home, nor one that weighs home against clinic.
        { "whats the cheapest thing i can try at home for pitted scars", IntentIds.TreatmentAtHome },
        { "is it better to stick with creams or see a derm for my pockmarks? which gets better results", IntentIds.TreatmentAny },
        // "budget isn't an issue" says nothing about where the treatment happens.
        { "what is the best treatment for boxcar scars? budget isnt an issue", "treatment_by_scar_type" },
        // Borrowing two of SkinBot's words ("recommend", "home") does not make a question about something else a skin question.
        { "any tips for a comfy chair for working from home?", IntentIds.OutOfScope },
        { "How do I get rid of a tattoo?", IntentIds.OutOfScope },
        { "what's a good recipe for banana bread", IntentIds.OutOfScope },
        { "my keloid from my ear piercing is itchy, what do I do", IntentIds.OutOfScope },
        { "my keloid is itchy, what do I do", "raised_scars" },
        { "I have a fever and the red area around my pimple is spreading", IntentIds.Urgent },
        { "severe pain and swelling after my chemical peel", IntentIds.Urgent },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_representative_question_gets_its_intent(string question, string intent)
    {
        var answer = await AskAsync(question);

        Assert.Equal(intent, answer.Intent);
    }

    [Theory]
    [InlineData("what would you recommend for rolling scars")]
    [InlineData("what would you pick for ice pick scars")]
    [InlineData("honestly what should i do about my boxcar scars, im 17 and they r getting to me")]
    [InlineData("which treatment is best for rolling scars")]
    public async Task A_pick_asked_outright_for_a_named_type_gets_the_types_treatments_without_hedging(string question)
    {
        var answer = await AskAsync(question);

        Assert.Equal("treatment_by_scar_type", answer.Intent);
        Assert.False(answer.LowConfidence);
    }

    [Theory]
    [InlineData("what are boxcar scars, should i get them checked", IntentIds.ScarTypes)]
    [InlineData("what does subcision do for rolling scars", IntentIds.TreatmentInOffice)]
    [InlineData("my cousin said the ones on my cheeks look like rolling and the ones on my temples are boxcar. i only noticed after seeing myself on zoom all day at work. what's the difference, and which do i have?", IntentIds.ScarTypes)]
    public async Task Words_that_name_nothing_to_pick_for_are_not_a_pick(string question, string intent)
    {
        var answer = await AskAsync(question);

        Assert.Equal(intent, answer.Intent);
    }

    [Theory]
    [InlineData("mine are wide and shallow with soft edges and look worse under overhead light. which type would that be? i have about $300 for treatment eventually", IntentIds.ScarTypes)]
    [InlineData("I have a mix of boxcar and rolling scars, my dermatologist confirmed it. Which treatments suit which type? I don't want to waste money on a laser that only helps one kind", "treatment_by_scar_type")]
    public async Task Which_type_asks_what_the_scars_are_and_which_treatment_suits_a_type_asks_for_its_treatments_even_beside_a_clinic(string question, string intent)
    {
        var answer = await AskAsync(question);

        Assert.Equal(intent, answer.Intent);
    }

    [Theory]
    [InlineData("what can i do about the holes on my cheeks?? im 17 and i hate every photo of myself", IntentIds.TreatmentAny)]
    [InlineData("can i treat my pockmarks myself", IntentIds.TreatmentAtHome)]
    public async Task Myself_is_an_at_home_cue_only_when_it_says_who_does_the_treatment(string question, string intent)
    {
        var answer = await AskAsync(question);

        Assert.Equal(intent, answer.Intent);
    }

    [Theory]
    [InlineData("does retinol help pockmarks?", "Retinol", IntentIds.TreatmentAtHome)]
    [InlineData("is glycolic acid worth trying for my scars", "Alpha hydroxy acids", IntentIds.TreatmentAtHome)]
    [InlineData("should I add vitamin c serum for acne scars?", "Vitamin C", IntentIds.TreatmentAtHome)]
    [InlineData("can I use a dermaroller on my pitted scars", "Dermarolling", IntentIds.TreatmentAtHome)]
    [InlineData("would tretinoin work on pockmarks?", "Prescription retinoids", IntentIds.TreatmentAtHome)]
    [InlineData("is rf microneedling good for acne scars?", "Microneedling with radiofrequency", IntentIds.TreatmentInOffice)]
    [InlineData("do lasers work on pitted scars", "Laser", IntentIds.TreatmentInOffice)]
    [InlineData("does a chemical peel help pockmarks?", "Chemical peels", IntentIds.TreatmentInOffice)]
    [InlineData("can a scar be cut out surgically? scar revision", "Surgical scar revision", IntentIds.TreatmentInOffice)]
    [InlineData("what is subcision?", "Subcision", IntentIds.TreatmentInOffice)]
    [InlineData("does dermabrasion help pockmarks", "Others", IntentIds.TreatmentInOffice)]
    public async Task A_named_treatment_is_answered_from_its_own_passage(string question, string lead, string intent)
    {
        var answer = await AskAsync(question);

        Assert.Equal(intent, answer.Intent);
        Assert.Equal(lead, answer.Passages[0].LeadTerm);
        Assert.Equal(lead, answer.Topic);
        Assert.False(answer.LowConfidence);
    }

    /// <summary>A clinic treatment asked about as something to do at home gets the at-home list, no clinic passage.</summary>
    [Theory]
    [InlineData("diy peel for my pits? cant afford the derm")]
    [InlineData("at home microneedling pen worth it for boxcar scars")]
    public async Task A_clinic_treatment_asked_about_doing_at_home_gets_the_at_home_list(string question)
    {
        var answer = await AskAsync(question);

        Assert.Equal(IntentIds.TreatmentAtHome, answer.Intent);
        Assert.NotEmpty(answer.Passages);
        Assert.All(answer.Passages, p => Assert.Contains("At-home", p.SectionPathText, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("what are ice pick scars?", "Ice pick scars", ScarTypeNames.IcePick)]
    [InlineData("what do box car scars look like", "Boxcar scars", ScarTypeNames.Boxcar)]
    [InlineData("tell me about rolling scars", "Rolling scars", ScarTypeNames.Rolling)]
    public async Task A_named_scar_type_is_answered_with_that_type(string question, string lead, string type)
    {
        var answer = await AskAsync(question);

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Equal(lead, Assert.Single(answer.Passages).LeadTerm);
        Assert.Equal(type, answer.Topic);
        Assert.Equal(lead, answer.Headline);
        Assert.DoesNotContain(answer.FollowUps, f => f.Label == lead);
    }

    [Fact]
    public async Task Scar_types_without_a_named_type_lists_all_three()
    {
        var answer = await AskAsync("what types of pockmarks are there?");

        Assert.Equal(IntentIds.ScarTypes, answer.Intent);
        Assert.Equal(["Ice pick scars", "Boxcar scars", "Rolling scars"], answer.Passages.Select(p => p.LeadTerm));
    }

    [Theory]
    [InlineData("I have a fever and my face is swollen")]
    [InlineData("the infection from my subcision is spreading and it's hot")]
    [InlineData("severe pain after laser, what retinol should I use?")]
    [InlineData("red streaks are coming from a pimple on my cheek")]
    [InlineData("I'm having trouble breathing after a peel")]
    public async Task An_urgent_message_gets_seek_care_advice_and_never_passages(string text)
    {
        var answer = await AskAsync(text);

        Assert.Equal(IntentIds.Urgent, answer.Intent);
        Assert.Empty(answer.Passages);
        Assert.Empty(answer.FollowUps);
        Assert.Contains("doctor", answer.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Retinol", AnswerTextRenderer.Render(answer), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(answer.Caveat));
    }

    [Theory]
    [InlineData("what's the capital of France?")]
    [InlineData("write me some python code")]
    [InlineData("how do i fix my bike chain")]
    [InlineData("what's the best way to treat a sprained ankle")]
    [InlineData("my brother plays his music really loud while i'm trying to revise. noise cancelling headphones are like £200, what cheap stuff actually works")]
    [InlineData("I got a C in my A level mocks in economics and my offer needs an A. Is it even possible to jump two grades?")]
    public async Task An_out_of_scope_question_has_no_passages_and_says_what_SkinBot_can_answer(string text)
    {
        var answer = await AskAsync(text);

        Assert.Equal(IntentIds.OutOfScope, answer.Intent);
        Assert.Empty(answer.Passages);
        Assert.Contains("pockmarks", answer.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/scar", answer.Message, StringComparison.Ordinal);
        Assert.NotEmpty(answer.FollowUps);
    }

    [Theory]
    [InlineData("is it bad?")]
    [InlineData("does it hurt?")]
    [InlineData("so which is best?")]
    public async Task A_vague_question_gets_low_confidence_and_follow_ups_instead_of_a_guess(string text)
    {
        var answer = await AskAsync(text);

        Assert.True(answer.LowConfidence);
        Assert.Empty(answer.Passages);
        Assert.NotEmpty(answer.FollowUps);
        Assert.All(answer.FollowUps, f => Assert.False(string.IsNullOrWhiteSpace(f.Question)));
        Assert.Contains("not sure", answer.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("my dad nearly fainted when he saw what the dermatologist charged")]
    [InlineData("my dermatologist is running 40 minutes late again")]
    [InlineData("been using my derm's cream for 3 weeks now")]
    public async Task A_remark_that_asks_nothing_is_not_answered_with_a_guessed_passage(string text)
    {
        var answer = await AskAsync(text);

        Assert.True(answer.LowConfidence);
        Assert.Empty(answer.Passages);
        Assert.NotEmpty(answer.FollowUps);
    }

    [Theory]
    [InlineData("the pits on my cheeks from cystic acne")]
    [InlineData("need something cheap for the dents on my cheeks")]
    [InlineData("does retinol help pockmarks")]
    public async Task A_remark_that_names_pockmarks_or_asks_without_a_question_mark_is_still_answered(string text)
    {
        var answer = await AskAsync(text);

        Assert.False(answer.LowConfidence);
        Assert.NotEmpty(answer.Passages);
    }

    [Theory]
    [InlineData("What can I do at home for pitted scars?")]
    [InlineData("cheap diy fixes for pock marks")]
    [InlineData("what products can I buy at the drugstore for acne scars")]
    [InlineData("at home treatments for boxcar scars")]
    [InlineData("is there a skincare routine that helps rolling scars")]
    public async Task An_at_home_answer_quotes_no_in_office_treatment(string text)
    {
        var answer = await AskAsync(text);

        Assert.Equal(IntentIds.TreatmentAtHome, answer.Intent);
        Assert.NotEmpty(answer.Passages);
        Assert.All(answer.Passages, p => Assert.Equal("treatments-at-home", p.SectionId));
        Assert.DoesNotContain(answer.Passages, p => InOfficeLeads.Contains(p.LeadTerm));
        Assert.DoesNotContain(InOfficeLeads, lead => (answer.Message ?? string.Empty).Contains(lead, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_at_home_answer_lists_every_at_home_option_by_name()
    {
        var answer = await AskAsync("What can I do at home for pitted scars?");

        Assert.Equal("At-home options in the article: Retinol, Alpha hydroxy acids, Vitamin C, Dermarolling, Prescription retinoids.", answer.Message);
    }

    [Fact]
    public async Task An_in_office_answer_quotes_only_in_office_treatments()
    {
        var answer = await AskAsync("what can a dermatologist do for pockmarks?");

        Assert.Equal(IntentIds.TreatmentInOffice, answer.Intent);
        Assert.Equal(InOfficeLeads.Order(), answer.Passages.Select(p => p.LeadTerm).Order());
    }

    [Fact]
    public async Task A_greeting_with_a_question_is_answered_as_the_question()
    {
        var answer = await AskAsync("hi! what are pockmarks?");

        Assert.Equal(IntentIds.Definition, answer.Intent);
        Assert.Equal("what-are-pockmarks", answer.Passages[0].SectionId);
    }

    [Fact]
    public async Task A_definition_quotes_the_definition_first()
    {
        var answer = await AskAsync("what is the meaning of pockmarks?");

        Assert.Equal(IntentIds.Definition, answer.Intent);
        Assert.StartsWith("According to Dr. Maiman, the term", answer.Passages[0].Text, StringComparison.Ordinal);
    }
}

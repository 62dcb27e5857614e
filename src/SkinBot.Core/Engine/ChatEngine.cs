using Microsoft.Extensions.Options;
using SkinBot.Core.Answers;
using SkinBot.Core.Chat;
using SkinBot.Core.Conversations;
using SkinBot.Core.Domain;
using SkinBot.Core.Intents;
using SkinBot.Core.Knowledge;
using SkinBot.Core.Safety;

namespace SkinBot.Core.Engine;

/// <summary>
/// The engine: <see cref="ChatRequest"/> in, grounded <see cref="Answer"/> out. No I/O beyond the in-memory
/// index and the conversation store; safe for any input (it answers rather than throws). Before the first index is
/// loaded it throws <see cref="KnowledgeNotReadyException"/>, which the turn pipeline turns into its not-ready outcome.
/// </summary>
public sealed class ChatEngine(
    KnowledgeBaseHolder knowledgeHolder,
    IConversationStore conversations,
    IOptions<EngineOptions> options,
    TimeProvider time) : IChatEngine
{
    private readonly AnswerMemo _memo = new(options.Value.AnswerMemoCapacity);

    public async ValueTask<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var lease = knowledgeHolder.Acquire();
        var knowledge = lease.Knowledge;
        var key = ConversationKeys.For(request.Platform, request.ConversationId, request.UserId);
        var now = time.GetUtcNow();
        var context = WithinWindows(await conversations.GetAsync(key, cancellationToken), now);
        // Questions are screened for urgent signs by the classifier's first rule; structured commands skip the
        // classifier, so they are screened here ("/treatments my cheek has red streaks and a fever" gets the
        // go-to-care reply just as a free-text message does).
        var answer = request.Command is { } command
            ? UrgentSignScreen.Screen(request, knowledge) is { } verdict
                ? AnswerComposer.Compose(knowledge, IntentDecision.Of(IntentIds.Urgent, 1.0) with { Urgency = verdict.Urgency, Safety = verdict, Rule = "safety-screen" })
                : AnswerCommand(knowledge, command)
            : _memo.GetOrAdd(knowledge, request.Text, context, () => Understand(knowledge, request.Text, context));
        answer = KeepHelpInView(knowledge, answer, context);

        var crisisRepliedAt = answer.Urgency == Urgency.Crisis ? now : context?.CrisisRepliedAt;
        DateTimeOffset? nearMissAt = answer.NearCrisis && crisisRepliedAt is null ? now : null;
        // A subject stays until another is named or the conversation is forgotten: "does filler hurt?", "how much is
        // it?", then "got it done, the skin went white" still speaks of the filler.
        var subjects = CarriedSubjects.NamesOf(answer.Subjects) ?? context?.Subjects;
        var (medicalAt, medicalTier) = answer.Urgency is Urgency.Emergency or Urgency.Infection or Urgency.SeeDoctorSoon
            ? (now, answer.Urgency)
            : (context?.MedicalRepliedAt, context?.MedicalTier ?? Urgency.None);
        if (IntentClassifier.IsSubstantive(answer.Intent) && !answer.LowConfidence)
        {
            await conversations.SetAsync(key, new ConversationContext(answer.Intent, answer.Topic, now, crisisRepliedAt, nearMissAt, subjects, medicalAt, medicalTier), cancellationToken);
        }
        else if (crisisRepliedAt is not null || nearMissAt is not null || context?.CrisisNearMissAt is not null || subjects is not null || medicalAt is not null)
        {
            // A crisis or medical reply, a near miss or a subject is remembered even with no topic to carry, since the
            // next message is read for what it means after it; and a near miss is forgotten by the next message whatever that is.
            await conversations.SetAsync(key, new ConversationContext(context?.Intent ?? IntentIds.GreetingHelp, context?.Topic, now, crisisRepliedAt, nearMissAt, subjects, medicalAt, medicalTier), cancellationToken);
        }

        return answer;
    }

    /// <summary>
    /// The context, without its crisis reply once <see cref="EngineOptions.AfterCrisisWindow"/> has passed, its medical
    /// reply once <see cref="EngineOptions.AfterMedicalWindow"/> has, and its near miss once <see cref="EngineOptions.AfterNearMissWindow"/> has.
    /// </summary>
    private ConversationContext? WithinWindows(ConversationContext? context, DateTimeOffset now)
    {
        if (context?.CrisisRepliedAt is { } at && now - at > options.Value.AfterCrisisWindow)
        {
            context = context with { CrisisRepliedAt = null };
        }

        if (context?.MedicalRepliedAt is { } medicalAt && now - medicalAt > options.Value.AfterMedicalWindow)
        {
            context = context with { MedicalRepliedAt = null, MedicalTier = Urgency.None };
        }

        return context?.CrisisNearMissAt is { } nearAt && now - nearAt > options.Value.AfterNearMissWindow
            ? context with { CrisisNearMissAt = null }
            : context;
    }

    /// <summary>
    /// After a crisis reply, an ordinary answer ("ok. do fillers hurt?") still says where to turn: the person asked
    /// about something else, which does not mean the danger has passed.
    /// </summary>
    private static Answer KeepHelpInView(KnowledgeBase knowledge, Answer answer, ConversationContext? context)
    {
        if (context?.CrisisRepliedAt is null || answer.IsUrgent)
        {
            return answer;
        }

        var aside = AnswerText.Own(knowledge.Safety[Urgency.Crisis].Aside ?? SafetyNet.Text);
        return answer with { MessageText = answer.MessageText is { } message ? message + AnswerText.Own("\n\n") + aside : aside };
    }

    /// <summary>
    /// A danger named only as over (<see cref="IntentDecision.ToldAsOver"/>) is answered as the question it sat beside,
    /// with where help is under it: the crisis tier's aside for a crisis, the safety net's line for a medical tier.
    /// </summary>
    private static Answer WithHelpBeside(KnowledgeBase knowledge, Answer answer, Urgency toldAsOver)
    {
        if (toldAsOver == Urgency.None || answer.IsUrgent)
        {
            return answer;
        }

        var help = AnswerText.Own(toldAsOver == Urgency.Crisis ? knowledge.Safety[Urgency.Crisis].Aside ?? SafetyNet.Text : SafetyNet.Text);
        return answer with { MessageText = answer.MessageText is { } message ? message + AnswerText.Own("\n\n") + help : help };
    }

    /// <summary>The answer to <paramref name="text"/> given what the conversation remembers: a pure function, so it can be memoised.</summary>
    private Answer Understand(KnowledgeBase knowledge, string text, ConversationContext? context)
    {
        var limit = options.Value.MaxAnalysedLength;
        if (text.Length > limit && UrgentSignScreen.ScreenText(text, knowledge) is { } verdict)
        {
            // Understanding reads the first MaxAnalysedLength characters; a cry for help at the end of a long
            // message must still be heard, and the screen is linear, so it reads the whole message.
            return AnswerComposer.Compose(knowledge, IntentDecision.Of(IntentIds.Urgent, 1.0) with { Urgency = verdict.Urgency, Safety = verdict, Rule = "safety-screen" });
        }

        var question = text.Length > limit ? text[..limit] : text;
        var decision = IntentClassifier.Classify(question, knowledge, context, options.Value.LowConfidenceThreshold);
        var answer = WithHelpBeside(knowledge, AnswerComposer.Compose(knowledge, decision), decision.ToldAsOver);
        return decision.NearCrisis is null && decision.Subjects.Count == 0 ? answer : answer with { NearCrisis = decision.NearCrisis is not null, Subjects = decision.Subjects };
    }

    private static Answer AnswerCommand(KnowledgeBase knowledge, ChatCommand command)
    {
        switch (command.Name)
        {
            case CommandNames.Scar:
                var asked = command.Option(CommandNames.ScarTypeOption);
                if (asked is null)
                {
                    return AnswerComposer.Compose(knowledge, IntentDecision.Of(IntentIds.ScarTypes, 1.0));
                }

                return ScarTypeNames.Parse(asked) is { } type
                    ? AnswerComposer.Compose(knowledge, IntentDecision.Of(IntentIds.ScarTypes, 1.0) with { ScarTypes = [type] })
                    : AnswerComposer.UnknownScarType(knowledge, asked);

            case CommandNames.Prevent:
                return AnswerComposer.Compose(knowledge, IntentDecision.Of(IntentIds.Prevention, 1.0));

            case CommandNames.Camouflage:
                // The intent is data: a corpus without a camouflage article answers with the list of what it covers.
                return AnswerComposer.Compose(knowledge, IntentDecision.Of(
                    knowledge.Intents.ById.ContainsKey(IntentIds.Camouflage) ? IntentIds.Camouflage : IntentIds.GreetingHelp, 1.0));

            case CommandNames.Treatments:
                return AnswerTreatments(knowledge, command);

            default:
                return AnswerComposer.Compose(knowledge, IntentDecision.Of(IntentIds.GreetingHelp, 1.0));
        }
    }

    private static Answer AnswerTreatments(KnowledgeBase knowledge, ChatCommand command)
    {
        var intent = IntentIds.ForSetting(TreatmentSettingNames.Parse(command.Option(CommandNames.WhereOption)));

        if (command.Option(CommandNames.NameOption) is not { } name)
        {
            // "/treatments scar:rolling": the treatments matched to that type, when an intent answers by scar type.
            if (ScarTypeNames.Parse(command.Option(CommandNames.ForScarOption)) is { } type
                && knowledge.Intents.File.Intents.FirstOrDefault(i => i.TreatsNamedScarType) is { } byScarType)
            {
                return AnswerComposer.Compose(knowledge, IntentDecision.Of(byScarType.Id, 1.0) with { ScarTypes = [type] });
            }

            return AnswerComposer.Compose(knowledge, IntentDecision.Of(intent, 1.0));
        }

        var terms = knowledge.Analyzer.Terms(knowledge.Spelling.Correct(name));
        var named = MessageFeatures.Read(terms, knowledge).Treatments;
        return named.Count > 0
            ? AnswerComposer.Compose(knowledge, IntentDecision.Of(intent, 1.0, terms) with { Treatments = named })
            : AnswerComposer.UnknownTreatment(knowledge, name, intent);
    }
}

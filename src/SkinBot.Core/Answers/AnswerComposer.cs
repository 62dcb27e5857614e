using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Intents;
using SkinBot.Core.Knowledge;

namespace SkinBot.Core.Answers;

/// <summary>
/// Turns a decision into an <see cref="Answer"/> made of corpus passages. SkinBot's own words are limited to
/// framing from intents.yml (help, out of scope, urgent, "not sure") and lists of the corpus's own lead terms.
/// </summary>
public static class AnswerComposer
{
    private const int MaxFollowUps = 4;
    private const int MaxNamedTreatments = 3;
    private const int MaxEchoLength = 41;
    private const int DisputedLeadPassages = 1;

    public static Answer Compose(KnowledgeBase knowledge, IntentDecision decision)
    {
        var answer = WithDisagreements(knowledge, ComposeMain(knowledge, decision));
        if (decision.BestGuess && answer.IsSubstantive)
        {
            answer = AsBestGuess(knowledge, decision, answer);
        }

        if (decision.OtherAsks.Count == 0 || !answer.IsSubstantive)
        {
            return answer;
        }

        // The message asked more than one thing: its other questions come first among the follow-ups.
        var asked = FollowUpsFor(knowledge, decision.OtherAsks);
        return answer with { FollowUps = [.. asked.Concat(answer.FollowUps).DistinctBy(f => f.Question).Take(MaxFollowUps)] };
    }

    /// <summary>
    /// When an answer is about one side of a disagreement between sources (disagreements.yml), the other sides are
    /// quoted too, each with its own citation, and SkinBot says in its own words how they differ. "About" means it leads
    /// with that side (<see cref="DisputedLeadPassages"/>): a list of every in-office option that merely includes a
    /// disputed one is not made longer for it.
    /// </summary>
    private static Answer WithDisagreements(KnowledgeBase knowledge, Answer answer)
    {
        if (answer.Passages.Count == 0 || knowledge.Disagreements.All.Count == 0)
        {
            return answer;
        }

        var lead = answer.Passages.Take(DisputedLeadPassages).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var quoted = answer.Passages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var passages = answer.Passages.ToList();
        var notes = new List<string>();
        foreach (var disagreement in knowledge.Disagreements.All)
        {
            if (!disagreement.Sides.Any(side => side.Any(p => lead.Contains(p.Id))))
            {
                continue;
            }

            // The other side ranks after what was asked for: it is there so the answer is not one source's view only.
            var score = passages.Min(p => p.Score);
            passages.AddRange(disagreement.Sides
                .Where(side => !side.Any(p => quoted.Contains(p.Id)))
                .Select(side => ToAnswerPassage(side[0], score)));
            notes.Add(disagreement.Note);
        }

        if (notes.Count == 0)
        {
            return answer;
        }

        var note = AnswerText.Own(string.Join(' ', notes));
        return answer with
        {
            Passages = passages,
            MessageText = answer.MessageText is { } message ? message + AnswerText.Own(" ") + note : note,
        };
    }

    /// <summary>The message followed by where to turn, in the language the person wrote in, when SkinBot has that line.</summary>
    private static string WithHelpLine(IntentCatalog intents, IntentDecision decision, string message) =>
        decision.OtherLanguage is { } language && intents.File.HelpLines.TryGetValue(language, out var line) && !string.IsNullOrWhiteSpace(line)
            ? $"{message}\n\n{line.Trim()}"
            : message;

    private static Answer ComposeMain(KnowledgeBase knowledge, IntentDecision decision)
    {
        var intents = knowledge.Intents;
        if (decision.Intent == IntentIds.Urgent)
        {
            // Only the safety screen decides urgency; a tierless urgent decision would be a bug, so it gets the
            // reply that sends the person to a doctor today rather than none.
            // The verdict's own tier: after a crisis reply it carries the after-crisis headline and message.
            var tier = decision.Safety?.Tier is { } screened && screened.Urgency == decision.Urgency
                ? screened
                : knowledge.Safety[decision.Urgency == Domain.Urgency.None ? Domain.Urgency.Infection : decision.Urgency];
            var message = decision.Safety?.CrisisReading is null ? tier.Message : $"{tier.Message}\n{knowledge.Safety[Domain.Urgency.Crisis].Aside ?? Safety.SafetyNet.Text}";
            return Base(knowledge, decision, tier.Headline) with
            {
                Message = WithHelpLine(intents, decision, message),
                Caveat = tier.Caveat,
                Urgency = tier.Urgency,
            };
        }

        if (decision.OtherLanguage is { } language && !string.IsNullOrWhiteSpace(intents.File.OtherLanguageMessage))
        {
            return Base(knowledge, decision, "I can only read English") with
            {
                Message = WithHelpLine(intents, decision, intents.File.OtherLanguageMessage.Replace("{language}", language, StringComparison.Ordinal)),
            };
        }

        if (decision.Uncovered is { } uncovered)
        {
            // Never a near-miss passage dressed as an answer: say what is not covered, and offer what is.
            var nearest = decision.Nearest.Count > 0 ? decision.Nearest : [IntentIds.TreatmentAtHome, IntentIds.TreatmentInOffice, IntentIds.Permanence];
            return Base(knowledge, decision, "That isn't in my articles") with
            {
                NotCovered = true,
                MessageText = AnswerText.Own("My articles don't cover \"") + Echo(uncovered) + AnswerText.Own("\", so I can't tell you whether it helps. These are the nearest things I can answer:"),
                FollowUps = FollowUpsFor(knowledge, nearest),
            };
        }

        if (decision.LowConfidence)
        {
            var nearest = decision.Nearest.Count > 0 ? decision.Nearest : [IntentIds.Definition, IntentIds.ScarTypes, IntentIds.TreatmentAny];
            return Base(knowledge, decision, "I'm not sure I understood") with
            {
                Message = intents.File.LowConfidenceMessage,
                FollowUps = FollowUpsFor(knowledge, nearest),
            };
        }

        if (decision.Intent is IntentIds.GreetingHelp or IntentIds.OutOfScope)
        {
            var message = decision switch
            {
                { Scope: { } scope } => knowledge.Scope.ReplyFor(scope),
                { Intent: IntentIds.OutOfScope } => $"{intents.File.OutOfScopeMessage} {intents.File.HelpMessage}",
                _ => intents.File.HelpMessage,
            };
            return Base(knowledge, decision, decision.Scope is null ? intents[decision.Intent].Headline : "That's outside what my articles cover") with
            {
                Message = message,
                FollowUps = FollowUpsFor(knowledge, [IntentIds.Definition, IntentIds.ScarTypes, IntentIds.Prevention, IntentIds.TreatmentAny]),
            };
        }

        if (decision.Treatments.Count > 0)
        {
            return NamedTreatments(knowledge, decision);
        }

        if (decision.Intent == IntentIds.ScarTypes && decision.ScarTypes.Count > 0)
        {
            return NamedScarTypes(knowledge, decision);
        }

        if (decision.Intent == IntentIds.ScarTypes && knowledge.Vocabulary.ScarTypePassages.Count > 0)
        {
            // "What kinds are there?" is answered with the kinds, in the article's order, not whatever ranks highest.
            return FromSections(knowledge, decision) with
            {
                Passages = [.. knowledge.Vocabulary.ScarTypePassages.Values.OrderBy(p => p.Ordinal).Select(p => ToAnswerPassage(p, 1.0))],
            };
        }

        return FromSections(knowledge, decision);
    }

    /// <summary>Answer for a command naming a scar type SkinBot does not know: list the three it does.</summary>
    public static Answer UnknownScarType(KnowledgeBase knowledge, string asked)
    {
        var answer = Compose(knowledge, IntentDecision.Of(IntentIds.ScarTypes, 1.0));
        return answer with
        {
            MessageText = AnswerText.Own("I don't know a scar type called \"") + Echo(asked) + AnswerText.Own("\". The article describes these three:"),
        };
    }

    /// <summary>Answer for a treatment name the corpus does not have: say so and list what it has.</summary>
    public static Answer UnknownTreatment(KnowledgeBase knowledge, string asked, string intent)
    {
        var answer = FromSections(knowledge, IntentDecision.Of(intent, 1.0));
        var rest = string.IsNullOrWhiteSpace(answer.Message) ? "\"." : "\". " + answer.Message.Trim();
        return answer with
        {
            LowConfidence = true,
            NotCovered = true,
            MessageText = AnswerText.Own("The article doesn't cover \"") + Echo(asked) + AnswerText.Own(rest),
        };
    }

    /// <summary>
    /// A best guess is still answered (it is usually right), but it says so and puts the other close topics first,
    /// so a misread question costs one tap rather than a wrong answer taken as certain.
    /// </summary>
    private static Answer AsBestGuess(KnowledgeBase knowledge, IntentDecision decision, Answer answer)
    {
        var others = FollowUpsFor(knowledge, decision.Nearest.Where(id => id != decision.Intent && IntentClassifier.IsSubstantive(id)));
        return answer with
        {
            BestGuess = true,
            // Prepended as runs, so any text the person typed stays marked as theirs and is escaped by renderers.
            MessageText = answer.MessageText is { } text
                ? AnswerText.Own($"{knowledge.Intents.File.BestGuessMessage} ") + text
                : AnswerText.Own(knowledge.Intents.File.BestGuessMessage),
            FollowUps = [.. others.Concat(answer.FollowUps).DistinctBy(f => f.Question).Take(MaxFollowUps)],
        };
    }

    private static Answer NamedTreatments(KnowledgeBase knowledge, IntentDecision decision)
    {
        var named = decision.Treatments.Take(MaxNamedTreatments).ToList();
        var headline = string.Join(" and ", named.Select(p => p.LeadTerm));
        var settings = named.Select(p => knowledge.Vocabulary.TreatmentSettings[p.Id]).Distinct().ToList();
        if (settings.Count == 1)
        {
            headline += settings[0] == TreatmentSetting.AtHome ? " (at-home treatment)" : " (in-office treatment)";
        }

        var atHome = settings is [TreatmentSetting.AtHome];
        var other = atHome ? IntentIds.TreatmentInOffice : IntentIds.TreatmentAtHome;
        var same = atHome ? IntentIds.TreatmentAtHome : IntentIds.TreatmentInOffice;
        return Base(knowledge, decision, headline) with
        {
            Passages = [.. named.Select(p => ToAnswerPassage(p, 1.0))],
            FollowUps = FollowUpsFor(knowledge, [same, other, IntentIds.Permanence]),
            Topic = named[0].LeadTerm,
        };
    }

    /// <summary>"How do you treat rolling scars?", when an intent answers treatments by scar type.</summary>
    private static IEnumerable<FollowUp> TreatingFollowUp(KnowledgeBase knowledge, Passage scarType) =>
        knowledge.Intents.File.Intents.Any(i => i.TreatsNamedScarType) && scarType.LeadTerm is { } name
            ? [new FollowUp($"Treating {name.ToLowerInvariant()}", $"How do you treat {name.ToLowerInvariant()}?")]
            : [];

    private static Answer NamedScarTypes(KnowledgeBase knowledge, IntentDecision decision)
    {
        var passages = decision.ScarTypes
            .Select(t => knowledge.Vocabulary.ScarTypePassages.GetValueOrDefault(t))
            .OfType<Passage>()
            .ToList();
        if (passages.Count == 0)
        {
            return FromSections(knowledge, decision with { ScarTypes = [] });
        }

        var others = ScarTypeNames.All.Except(decision.ScarTypes)
            .Select(t => knowledge.Vocabulary.ScarTypePassages.GetValueOrDefault(t))
            .OfType<Passage>()
            .Select(p => new FollowUp(p.LeadTerm!, $"What are {p.LeadTerm!.ToLowerInvariant()}?"));
        return Base(knowledge, decision, string.Join(" and ", passages.Select(p => p.LeadTerm))) with
        {
            Passages = [.. passages.Select(p => ToAnswerPassage(p, 1.0))],
            FollowUps = [.. TreatingFollowUp(knowledge, passages[0]).Concat(others).Concat(FollowUpsFor(knowledge, [IntentIds.TreatmentAny, IntentIds.Permanence])).Take(MaxFollowUps)],
            Topic = decision.ScarTypes[0].ToName(),
        };
    }

    private static Answer FromSections(KnowledgeBase knowledge, IntentDecision decision)
    {
        var definition = knowledge.Intents.ById.GetValueOrDefault(decision.Intent) ?? knowledge.Intents[IntentIds.TreatmentAny];
        var rankingTerms = decision.Terms.Where(t => !knowledge.Vocabulary.NonRankingTerms.Contains(t)).ToList();
        if (definition.RanksByRelevance)
        {
            // A subject carried over from the conversation ("how do you treat them?" after rolling scars) ranks as if
            // the question had named it.
            // The type's own name ("Ice pick scars") is analysed as a question's words would be.
            var named = decision.ScarTypes.Select(t => knowledge.Vocabulary.ScarTypePassages.GetValueOrDefault(t)?.LeadTerm ?? t.ToName());
            rankingTerms.AddRange(named.SelectMany(knowledge.Analyzer.Terms).Except(rankingTerms, StringComparer.Ordinal));
        }

        // Sections are listed most important first: a definition quotes the definition before the scar types.
        // Each section is searched for at most the answer's size, so the cost does not grow with the corpus.
        var size = Math.Max(1, definition.MaxPassages);
        var hits = definition.RanksByRelevance
            ? IntentPassageRanking.ByRelevance(knowledge.Index, rankingTerms, definition.Sections, size)
            : IntentPassageRanking.BySectionOrder(knowledge.Index, rankingTerms, definition.Sections, size);
        string? message = null;
        if (definition.TreatmentSetting is not null || decision.Intent == IntentIds.TreatmentAny)
        {
            message = TreatmentList(knowledge, definition.TreatmentSetting);
        }

        return Base(knowledge, decision, definition.Headline) with
        {
            Passages = PassageMerging.MergeNearDuplicates([.. hits.Select(h => ToAnswerPassage(h.Passage, h.Score))]),
            Message = message,
            FollowUps = FollowUpsFor(knowledge, NextIntents(decision.Intent)),
            Topic = definition.TreatsNamedScarType && decision.ScarTypes.Count > 0 ? decision.ScarTypes[0].ToName() : null,
        };
    }

    /// <summary>"The article's at-home options: Retinol, Alpha hydroxy acids, …" from the corpus's own lead terms.</summary>
    private static string? TreatmentList(KnowledgeBase knowledge, TreatmentSetting? setting)
    {
        string? Names(TreatmentSetting s)
        {
            var names = knowledge.Treatments.Where(t => t.Setting == s).Select(t => t.Name).ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }

        var home = Names(TreatmentSetting.AtHome);
        var office = Names(TreatmentSetting.InOffice);
        return setting switch
        {
            TreatmentSetting.AtHome => home is null ? null : $"At-home options in the article: {home}.",
            TreatmentSetting.InOffice => office is null ? null : $"In-office options in the article: {office}.",
            _ => string.Join(' ', new[] { home is null ? null : $"At home: {home}.", office is null ? null : $"In office: {office}." }.OfType<string>()),
        };
    }

    private static IReadOnlyList<string> NextIntents(string intent) => intent switch
    {
        IntentIds.Definition => [IntentIds.ScarTypes, IntentIds.Prevention, IntentIds.Permanence],
        IntentIds.ScarTypes => [IntentIds.TreatmentAny, IntentIds.Permanence, IntentIds.Prevention],
        IntentIds.Prevention => [IntentIds.Permanence, IntentIds.TreatmentAtHome, IntentIds.TreatmentInOffice],
        IntentIds.Permanence => [IntentIds.TreatmentAtHome, IntentIds.TreatmentInOffice, IntentIds.Prevention],
        IntentIds.TreatmentAtHome => [IntentIds.TreatmentInOffice, IntentIds.Permanence, IntentIds.Prevention],
        IntentIds.TreatmentInOffice => [IntentIds.TreatmentAtHome, IntentIds.Permanence, IntentIds.Prevention],
        IntentIds.TreatmentAny => [IntentIds.TreatmentAtHome, IntentIds.TreatmentInOffice, IntentIds.Permanence],
        _ => [IntentIds.Definition, IntentIds.ScarTypes, IntentIds.TreatmentAny],
    };

    private static IReadOnlyList<FollowUp> FollowUpsFor(KnowledgeBase knowledge, IEnumerable<string> intentIds) =>
        [.. intentIds
            .Select(id => knowledge.Intents.ById.GetValueOrDefault(id))
            .OfType<IntentDefinition>()
            .Where(i => !string.IsNullOrWhiteSpace(i.Question))
            .Select(i => new FollowUp(Capitalise(i.Title), i.Question))
            .DistinctBy(f => f.Question)
            .Take(MaxFollowUps)];

    private static Answer Base(KnowledgeBase knowledge, IntentDecision decision, string headline) => new()
    {
        Intent = decision.Intent,
        Confidence = Math.Round(decision.Confidence, 4),
        Headline = headline,
        LowConfidence = decision.LowConfidence,
        Caveat = knowledge.Intents.Caveat,
        CorpusVersion = knowledge.Fingerprint,
    };

    public static AnswerPassage ToAnswerPassage(Passage passage, double score) =>
        new(passage.Id, passage.Text, passage.SectionPath, passage.LeadTerm, passage.Source, score) { SectionId = passage.SectionId };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>What the person asked for, quoted back as user text: renderers escape it, so it can never become markup.</summary>
    private static AnswerText Echo(string asked) => AnswerText.Quote(asked, MaxEchoLength);
}

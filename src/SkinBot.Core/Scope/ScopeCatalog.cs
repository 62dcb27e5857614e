using SkinBot.Core.Corpus;
using SkinBot.Core.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Scope;

/// <summary>
/// topics.yml, parsed and checked: the subjects SkinBot does not cover, in the order they are tried, and the
/// words that keep a message about pockmarks even when it mentions one of them.
/// </summary>
public sealed class ScopeCatalog
{
    private const string AboutPlaceholder = "{about}";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>How many words before a pockmark or scarring word a negation cancels it ("they're not indented at all").</summary>
    private const int NegationReach = 3;

    private ScopeCatalog(IReadOnlyList<ScopeTopic> topics, PhraseSet pitted, PhraseSet scarring, PhraseSet prevention, PhraseSet candidacy, string reply, IReadOnlySet<string> negations)
    {
        CandidacyWords = candidacy;
        Negations = negations;
        Topics = topics;
        PittedWords = pitted;
        ScarringWords = scarring;
        PreventionWords = prevention;
        Reply = reply;
    }

    /// <summary>Used when a corpus has no topics.yml: nothing is recognised as another subject by name.</summary>
    public static ScopeCatalog Empty { get; } = new([], new PhraseSet([]), new PhraseSet([]), new PhraseSet([]), new PhraseSet([]), string.Empty, new HashSet<string>());

    public IReadOnlyList<ScopeTopic> Topics { get; }

    public PhraseSet PittedWords { get; }

    public PhraseSet ScarringWords { get; }

    /// <summary>Words that ask how to keep scars from forming; see <see cref="AboutScarring"/>.</summary>
    public PhraseSet PreventionWords { get; }

    /// <summary>Words that ask whether a procedure suits someone with a condition; see <see cref="ScopeVerdict.AsksCandidacy"/>.</summary>
    public PhraseSet CandidacyWords { get; }

    public string Reply { get; }

    /// <summary>Words that cancel a pockmark or scarring word shortly after them ("not", "arent", "no").</summary>
    public IReadOnlySet<string> Negations { get; }

    /// <summary>The first subject the message is about that its pockmark words do not outweigh, or null.</summary>
    public ScopeVerdict? Screen(IReadOnlyList<string> surfaceWords)
    {
        bool? pitted = null, scarring = null;
        foreach (var topic in Topics)
        {
            var found = topic.Phrases.Find(surfaceWords);
            if (found.Count == 0 || topic.Unless.Any(surfaceWords) || (topic.With.Count > 0 && !topic.With.Any(surfaceWords)))
            {
                continue;
            }

            var yields = topic.YieldsTo switch
            {
                TopicYield.Pitted => pitted ??= Affirmed(PittedWords, surfaceWords),
                TopicYield.Scarring => scarring ??= AboutScarring(surfaceWords),
                _ => false,
            };
            if (!yields)
            {
                var first = found[0];
                return new ScopeVerdict(topic, string.Join(' ', surfaceWords.Skip(first.Start).Take(first.Length)), CandidacyWords.Any(surfaceWords));
            }
        }

        return null;
    }

    /// <summary>
    /// A scarring word said without a negation, or any scarring word beside a prevention word: "no scars yet, just
    /// lots of whiteheads, best cleanser?" is about the breakouts, "no scars yet, how do i prevent them" about scarring.
    /// </summary>
    private bool AboutScarring(IReadOnlyList<string> words) =>
        Affirmed(ScarringWords, words) || (PreventionWords.Any(words) && ScarringWords.Any(words));

    /// <summary>
    /// Words that turn from what a negation denied to what is said instead: in "theyre not dents, just dark patches"
    /// the "not" denies the dents, not the patches.
    /// </summary>
    private static readonly HashSet<string> ContrastWords = new(StringComparer.Ordinal) { "but", "just", "only", "instead", "rather", "though", "however" };

    /// <summary>True when some phrase occurs without a negation just before it that still reaches it.</summary>
    private bool Affirmed(PhraseSet phrases, IReadOnlyList<string> words) =>
        phrases.Find(words, all: true).Any(m => !IsNegated(words, m.Start));

    private bool IsNegated(IReadOnlyList<string> words, int start)
    {
        for (var i = start - 1; i >= Math.Max(0, start - NegationReach); i--)
        {
            if (ContrastWords.Contains(words[i]))
            {
                return false;
            }

            if (Negations.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"It sounds like you're asking about …", with the topic's next step when it has one.</summary>
    public string ReplyFor(ScopeVerdict verdict) =>
        $"{Reply.Replace(AboutPlaceholder, verdict.Topic.About, StringComparison.Ordinal)} {verdict.Topic.NextStep}".Trim();

    public static ScopeCatalog Parse(string yaml, string sourceName = "topics.yml")
    {
        var file = CorpusYaml.Deserialize<ScopeFile?>(Deserializer, yaml, sourceName) ?? new ScopeFile();

        if (string.IsNullOrWhiteSpace(file.Reply) || !file.Reply.Contains(AboutPlaceholder, StringComparison.Ordinal))
        {
            throw new CorpusFormatException(sourceName, $"'reply' must be set and contain {AboutPlaceholder}");
        }

        var topics = new List<ScopeTopic>();
        foreach (var (entry, number) in (file.Topics ?? []).Select((t, i) => (t, i + 1)))
        {
            if (entry is null || string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.About))
            {
                throw new CorpusFormatException(sourceName, $"topic number {number} needs an id and an 'about'");
            }

            var phrases = new PhraseSet(Clean(entry.Phrases));
            if (phrases.Count == 0)
            {
                throw new CorpusFormatException(sourceName, $"topic '{entry.Id}' has no phrases");
            }

            var yields = entry.YieldsTo?.Trim().ToLowerInvariant() switch
            {
                "pitted" or null or "" => TopicYield.Pitted,
                "scarring" => TopicYield.Scarring,
                "never" => TopicYield.Never,
                var other => throw new CorpusFormatException(sourceName, $"topic '{entry.Id}' has unknown yields_to '{other}' (pitted, scarring or never)"),
            };
            topics.Add(new ScopeTopic(entry.Id, entry.About.Trim(), string.IsNullOrWhiteSpace(entry.NextStep) ? null : entry.NextStep.Trim(), yields, phrases, new PhraseSet(Clean(entry.Unless)), new PhraseSet(Clean(entry.With))));
        }

        var duplicate = topics.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new CorpusFormatException(sourceName, $"topic '{duplicate.Key}' is defined twice")
            : new ScopeCatalog(topics, new PhraseSet(Clean(file.PittedWords)), new PhraseSet(Clean(file.ScarringWords)), new PhraseSet(Clean(file.PreventionWords)), new PhraseSet(Clean(file.CandidacyWords)), file.Reply.Trim(), new HashSet<string>(Clean(file.Negations).Select(n => n.Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant()), StringComparer.Ordinal));
    }

    private static IEnumerable<string> Clean(List<string>? values) => (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v));
}

using System.Globalization;
using System.Text;
using SkinBot.Core.Corpus;
using SkinBot.Core.Domain;
using SkinBot.Core.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml, parsed and checked: the four go-to-care tiers, most urgent first, each with its reply, its
/// sources and its named signs. Every message is screened against it before anything else, and a corpus
/// without a complete safety.yml does not load: SkinBot never answers without its safety screen.
/// </summary>
public sealed class SafetyCatalog
{
    private const int MaxWithin = 40;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly Urgency[] RequiredTiers = [Urgency.Crisis, Urgency.Emergency, Urgency.Infection, Urgency.SeeDoctorSoon];

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>
    /// The words that turn round a crisis sign's unless phrase: only a plain "not" and its forms of "be". "not for my
    /// acne", "not from the cat" and "not a joke" say the opposite of the harmless topic, while "i hope i dont wake up
    /// with a new breakout" still names one (see <see cref="MatchOf"/>).
    /// </summary>
    private static readonly IReadOnlySet<string> CrisisUnlessNegations = new HashSet<string>(StringComparer.Ordinal) { "not", "isnt", "arent", "wasnt", "werent" };

    private readonly IReadOnlySet<string> _negations;

    /// <summary>The negations that cancel each sign written for another language (the rest take <see cref="_negations"/>).</summary>
    private readonly Dictionary<SafetySign, IReadOnlySet<string>> _languageSignNegations;

    /// <summary>Every phrase of every sign, so a message is scanned once whatever the number of signs.</summary>
    private readonly PhraseSet _everyPhrase;

    /// <summary>
    /// Each phrase that can start a sign (one of its phrases, or one of its first near group's) to the signs it starts:
    /// a message is checked only against the few signs one of its phrases could show, not against every sign.
    /// </summary>
    private readonly Dictionary<string, SafetySign[]> _signsByTrigger;

    /// <summary>The crisis tier's signs, to tell a cancelled crisis sign from the trigger index's others at once.</summary>
    private readonly HashSet<SafetySign> _crisisSigns;

    /// <summary>The signs each yielding sign gives way to (safety.yml <c>yields_to</c>), resolved once.</summary>
    private readonly Dictionary<SafetySign, YieldTarget[]> _yields;

    /// <summary>Emoji read as the words they stand for, longest first so a sequence wins over its first emoji.</summary>
    private readonly KeyValuePair<string, string>[] _emojiWords;

    /// <summary>Misspellings the screen reads a second time as the words they stand for ("gona tak the pils tonite").</summary>
    private readonly SafetyRespelling _respelling;

    /// <summary>Filter-dodging spellings ("su1c1de", "self h@rm") the screen reads a second time as plain words.</summary>
    private readonly DisguisedSpelling _disguised;

    private SafetyCatalog(IReadOnlyList<SafetyTier> tiers, SafetyNegations negations, IReadOnlySet<SafetySign> languageSigns, IReadOnlyDictionary<string, string> emojiWords, Dictionary<SafetySign, YieldTarget[]> yields, SafetyRespelling respelling, AfterCrisisReading? afterCrisis, AfterNearMissReading? afterNearMiss, CarriedSubjects carriedSubjects, AfterMedicalReading? afterMedical, ToldAsOverReading? toldAsOver)
    {
        ToldAsOver = toldAsOver;
        Tiers = tiers;
        AfterMedical = afterMedical;
        CarriedSubjects = carriedSubjects;
        AfterCrisis = afterCrisis;
        AfterNearMiss = afterNearMiss;
        _crisisSigns = new HashSet<SafetySign>(tiers.Where(t => t.Urgency == Urgency.Crisis).SelectMany(t => t.Signs), ReferenceEqualityComparer.Instance);
        _respelling = respelling;
        _yields = yields;
        _negations = negations.Everywhere;
        _languageSignNegations = new Dictionary<SafetySign, IReadOnlySet<string>>(ReferenceEqualityComparer.Instance);
        foreach (var sign in languageSigns)
        {
            _languageSignNegations[sign] = negations.ForLanguageSign(sign.Name);
        }

        _emojiWords = [.. emojiWords.OrderByDescending(e => e.Key.Length)];
        var everyPhrase = tiers.SelectMany(t => t.Signs).SelectMany(s => s.AllPhrases).Distinct(StringComparer.Ordinal).ToList();
        _everyPhrase = new PhraseSet(everyPhrase);
        _disguised = new DisguisedSpelling(everyPhrase);
        _signsByTrigger = tiers.SelectMany(t => t.Signs)
            .SelectMany(sign => sign.TriggerPhrases.Distinct(StringComparer.Ordinal).Select(phrase => (phrase, sign)))
            .GroupBy(p => p.phrase, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.sign).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Most urgent first: the order the screen tries them in.</summary>
    public IReadOnlyList<SafetyTier> Tiers { get; }

    public SafetyTier this[Urgency urgency] => Tiers.First(t => t.Urgency == urgency);

    /// <summary>How the next messages after a crisis reply are read (safety.yml <c>after_crisis</c>); null when the file has none.</summary>
    public AfterCrisisReading? AfterCrisis { get; }

    /// <summary>How the message right after a near miss is read (safety.yml <c>after_near_miss</c>); null when the file has none.</summary>
    public AfterNearMissReading? AfterNearMiss { get; }

    /// <summary>How a danger named only as over is read (safety.yml <c>told_as_over</c>); null when the file has none.</summary>
    public ToldAsOverReading? ToldAsOver { get; }

    /// <summary>How the next messages after a medical tier's reply are read (safety.yml <c>after_medical</c>); null when the file has none.</summary>
    public AfterMedicalReading? AfterMedical { get; }

    /// <summary>
    /// What a text whose emoji are already spelled says of the care a medical reply advised (after_medical
    /// <c>still_needs</c> and <c>safe_signs</c>); <see cref="AfterMedicalCare.Unsaid"/> when the file has no after_medical.
    /// </summary>
    public AfterMedicalCare ReadAfterMedical(string spelled) =>
        AfterMedical?.Read(SurfaceWords.Of(spelled), _negations) ?? AfterMedicalCare.Unsaid;

    /// <summary>What one message can name that the next speaks of only as "it" (safety.yml <c>carried_subjects</c>).</summary>
    public CarriedSubjects CarriedSubjects { get; }

    /// <summary>The subjects a text whose emoji are already spelled names ("is filler near the nose risky"), in file order.</summary>
    public IReadOnlyList<CarriedSubject> NamedSubjects(string spelled) => CarriedSubjects.Named(SurfaceWords.Of(spelled));

    /// <summary>
    /// The medical sign a text whose emoji are already spelled shows when read with a subject an earlier message named
    /// ("got it this morning, the skin went white" after "is filler near the nose risky?"), or null. Only the medical
    /// tiers are read this way: a subject's words say what "it" was, not whether someone is in danger.
    /// </summary>
    public SafetyVerdict? ScreenWithSubject(string spelled, CarriedSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        // The subject's words lead the quoted match, so --explain and the logs show what the message was read with.
        return ReadSpelled($"{subject.ReadsAs} {spelled}", emojiOnly: false).Verdict is { Urgency: not Urgency.Crisis } verdict ? verdict : null;
    }

    /// <summary>
    /// The most urgent medical sign a text whose emoji are already spelled shows when, for each subject it names, every
    /// sentence after the one naming it is read with the subject's words before it, or null. A long message names the
    /// filler first and says what went wrong sentences later ("bought lip filler off a website... my mate did it at her
    /// house before prom. its been two hours and the left side of my top lip has gone white and purply"), past any
    /// sign's reach; the later sentences speak of it the way a next message would. Only the medical tiers, as for a
    /// subject an earlier message named; the whole text is read again, so the look-alikes around each sentence still
    /// count, and the sign's look-alikes in the sentences that name the thing cancel it wherever they are.
    /// </summary>
    /// <param name="named">The subjects the text names (<see cref="NamedSubjects"/>).</param>
    public SafetyVerdict? ScreenWithOwnSubjects(string spelled, IReadOnlyList<CarriedSubject> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        if (named.Count == 0 || Sentences.Of(spelled) is not { Count: >= 2 } sentences)
        {
            return null;
        }

        var namedBySentence = sentences.Select(sentence => CarriedSubjects.Named(SurfaceWords.Of(sentence))).ToList();
        SafetyVerdict? found = null;
        foreach (var subject in named)
        {
            if (ScreenWithOwnSubject(sentences, namedBySentence, subject) is { } verdict && (found is null || verdict.Urgency > found.Urgency))
            {
                found = verdict;
            }
        }

        return found;
    }

    private SafetyVerdict? ScreenWithOwnSubject(IReadOnlyList<string> sentences, List<IReadOnlyList<CarriedSubject>> namedBySentence, CarriedSubject subject)
    {
        var read = new StringBuilder();
        var naming = new StringBuilder();
        var carried = false;
        for (var i = 0; i < sentences.Count; i++)
        {
            var namesIt = namedBySentence[i].Contains(subject);
            if (naming.Length > 0 && !namesIt)
            {
                read.Append(subject.ReadsAs).Append(' ');
                carried = true;
            }

            if (namesIt)
            {
                naming.Append(sentences[i]).Append(' ');
            }

            read.Append(sentences[i]).Append(' ');
        }

        if (!carried || ReadSpelled(read.ToString(), emojiOnly: false).Verdict is not { Urgency: not Urgency.Crisis } verdict)
        {
            return null;
        }

        // How the thing was named can say it is not today's trouble ("had filler two years ago and loved it. ... my skin
        // is pale"): the sign's look-alikes are read in the naming sentences too, however far they are from the match.
        var namingMatches = new SafetyMatches(_everyPhrase, SurfaceWords.Of(naming.ToString()));
        return verdict.Sign.Unless.Any(phrase => namingMatches.Of(phrase).Count > 0) ? null : verdict;
    }

    /// <summary>
    /// The sign that a text whose emoji are already spelled tells the danger it names as over ("doing really well now")
    /// and shows no sign that it is not ("again", "lately"), or null (told_as_over).
    /// </summary>
    public SafetyVerdict? TellsAsOver(string spelled) =>
        ToldAsOver?.Find(SurfaceWords.Of(spelled), CrisisUnlessNegations);

    /// <summary>
    /// The clauses of a text whose emoji are already spelled that speak neither of the past nor of a danger being over,
    /// joined: what the text says of now (told_as_over). The whole text when the file has no told_as_over.
    /// </summary>
    public string SaysOfNow(string spelled) =>
        ToldAsOver is null
            ? spelled
            : string.Join(". ", ClauseSplitter.Split(spelled, minimumWords: 1).Where(clause => !ToldAsOver.TellsThePast(SurfaceWords.Of(clause), CrisisUnlessNegations)));

    /// <summary>
    /// The after_near_miss sign a text whose emoji are already spelled shows, as written or respelled ("no fr tho", "i
    /// wasnt joking"), or null: read only on the message right after one that came near a crisis reading.
    /// </summary>
    public SafetyVerdict? ScreenAfterNearMiss(string spelled)
    {
        if (AfterNearMiss is null)
        {
            return null;
        }

        var words = SurfaceWords.Of(spelled);
        return AfterNearMiss.Find(words, CrisisUnlessNegations)
            ?? (_respelling.Respell(words) is { } respelled ? AfterNearMiss.Find(respelled, CrisisUnlessNegations) : null);
    }

    /// <summary>
    /// The first after_near_miss <c>near_words</c> phrase a text whose emoji are already spelled holds ("the death of
    /// me", "mar jaunga"), or null.
    /// </summary>
    public string? NearWord(string spelled) => AfterNearMiss?.FindNearWord(SurfaceWords.Of(spelled));

    /// <summary>
    /// The after-crisis sign a text whose emoji are already spelled shows, as written or respelled, or null: read only
    /// on a message of a conversation that just got the crisis reply, after the tiers' own signs found no crisis.
    /// </summary>
    public SafetyVerdict? ScreenAfterCrisis(string spelled) =>
        AfterCrisis is null ? null : FindAfterCrisis(AfterCrisis, SurfaceWords.Of(spelled));

    /// <summary>Whether a text whose emoji are already spelled says the person is safe now (after_crisis <c>safe_signs</c>).</summary>
    public bool SaysSafeAfterCrisis(string spelled) =>
        AfterCrisis is not null && AfterCrisis.ShowsSafety(SurfaceWords.Of(spelled), CrisisUnlessNegations);

    /// <summary>
    /// Whether a text whose emoji are already spelled takes back its own crisis words after the crisis reply ("lol no
    /// im not gonna off myself", after_crisis <c>taking_back</c>) and shows no after-crisis danger sign ("not joking").
    /// </summary>
    public bool TakesBackAfterCrisis(string spelled)
    {
        if (AfterCrisis is null)
        {
            return false;
        }

        var words = SurfaceWords.Of(spelled);
        return AfterCrisis.TakesBack(words, CrisisUnlessNegations) && FindAfterCrisis(AfterCrisis, words) is null;
    }

    /// <summary>The after-crisis sign the words show, as written or with their listed misspellings respelled.</summary>
    private SafetyVerdict? FindAfterCrisis(AfterCrisisReading reading, IReadOnlyList<string> words) =>
        reading.Find(words, CrisisUnlessNegations)
        ?? (_respelling.Respell(words) is { } respelled ? reading.Find(respelled, CrisisUnlessNegations) : null);

    /// <summary>The most urgent sign the text shows, or null. Emoji that stand for words are read as those words.</summary>
    public SafetyVerdict? Screen(string text) => ScreenSpelled(SpellEmoji(text), IsEmojiOnly(text));

    /// <summary>The most urgent sign a text whose emoji are already spelled shows (<see cref="ReadSpelled"/>), or null.</summary>
    public SafetyVerdict? ScreenSpelled(string spelled, bool emojiOnly) => ReadSpelled(spelled, emojiOnly).Verdict;

    /// <summary>
    /// What the tiers' signs show in a text whose emoji are already spelled, as written or with its filter-dodging
    /// spellings decoded ("su1c1de", "self h@rm", <see cref="DisguisedSpelling"/>); the text as written is always read,
    /// so decoding only ever adds a sign. One pass gives both the verdict and, when there is none, the crisis sign a
    /// look-alike cancelled, so a message that came near a crisis reading is known without reading it twice.
    /// </summary>
    /// <param name="spelled">The text after <see cref="SpellEmoji"/>.</param>
    /// <param name="emojiOnly">Whether the message was written in emoji alone (<see cref="IsEmojiOnly"/>).</param>
    public SignReading ReadSpelled(string spelled, bool emojiOnly)
    {
        var asWritten = Read(SurfaceWords.Of(spelled), emojiOnly);
        if (asWritten.Verdict?.Urgency == Urgency.Crisis || _disguised.Decode(spelled) is not { } decoded)
        {
            return asWritten;
        }

        return MoreUrgent(asWritten, Read(SurfaceWords.Of(decoded), emojiOnly));
    }

    /// <summary>The reading with the more urgent verdict (the first on a tie), and the first cancelled crisis sign of the two.</summary>
    private static SignReading MoreUrgent(SignReading first, SignReading second)
    {
        var verdict = second.Verdict is { } other && (first.Verdict is null || other.Urgency > first.Verdict.Urgency) ? other : first.Verdict;
        return new SignReading(verdict, verdict is null ? first.CancelledCrisisSign ?? second.CancelledCrisisSign : null);
    }

    /// <summary>
    /// Whether the text says something with emoji and without a single written word ("🪦🙂"): only such a message
    /// can show an emoji-alone sign.
    /// </summary>
    public static bool IsEmojiOnly(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !text.All(char.IsAscii) && !text.Any(char.IsLetterOrDigit);
    }

    /// <summary>
    /// The text with each emoji of safety.yml's list replaced by its word ("🪦 me soon" reads "gravestone me soon"):
    /// people say with a coffin or a knife what they would not write, and the screen reads only words.
    /// </summary>
    public string SpellEmoji(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_emojiWords.Length == 0 || text.All(char.IsAscii))
        {
            return text;
        }

        var spelled = new StringBuilder(text);
        foreach (var (emoji, word) in _emojiWords)
        {
            spelled.Replace(emoji, $" {word} ");
        }

        return spelled.ToString();
    }

    /// <summary>
    /// The most urgent sign the words show, as written or with their listed misspellings respelled ("gona tak the pils
    /// tonite"), or null. The words as written are always read, so a respelling only ever adds a sign.
    /// </summary>
    /// <param name="surfaceWords">The message's words, its emoji already spelled.</param>
    /// <param name="emojiOnly">Whether the message was written in emoji alone (<see cref="IsEmojiOnly"/>).</param>
    public SafetyVerdict? Screen(IReadOnlyList<string> surfaceWords, bool emojiOnly = false) => Read(surfaceWords, emojiOnly).Verdict;

    private SignReading Read(IReadOnlyList<string> surfaceWords, bool emojiOnly)
    {
        var asWritten = ReadWords(surfaceWords, emojiOnly);
        if (asWritten.Verdict?.Urgency == Urgency.Crisis || _respelling.Respell(surfaceWords) is not { } respelled)
        {
            return asWritten;
        }

        return MoreUrgent(asWritten, ReadWords(respelled, emojiOnly));
    }

    private SignReading ReadWords(IReadOnlyList<string> surfaceWords, bool emojiOnly)
    {
        if (emojiOnly && ScreenEmojiAlone(surfaceWords) is { } alone)
        {
            return new SignReading(alone, null);
        }

        var matches = new SafetyMatches(_everyPhrase, surfaceWords);
        if (matches.IsEmpty)
        {
            return SignReading.Nothing;
        }

        var candidates = new HashSet<SafetySign>(ReferenceEqualityComparer.Instance);
        foreach (var phrase in matches.Phrases)
        {
            if (_signsByTrigger.TryGetValue(phrase, out var signs))
            {
                candidates.UnionWith(signs);
            }
        }

        if (candidates.Count == 0)
        {
            return SignReading.Nothing;
        }

        // Tiers and their signs keep their order: the most urgent tier's first sign that shows is the verdict, unless
        // it yields to a less urgent tier or sign that shows too, which then comes up later in the same walk.
        SafetySign? gaveWay = null;
        foreach (var tier in Tiers)
        {
            foreach (var sign in tier.Signs)
            {
                if (MatchOf(tier, sign, matches, candidates) is not { } words)
                {
                    continue;
                }

                if (!GivesWay(sign, matches, candidates))
                {
                    return new SignReading(new SafetyVerdict(tier, sign, words, GaveWay: gaveWay), null);
                }

                gaveWay ??= sign;
            }
        }

        return new SignReading(null, CancelledCrisisSignIn(matches));
    }

    /// <summary>
    /// The first crisis sign whose words show when its unless phrases are not read, in the order of the matched
    /// phrases: a walk over what matched, not over every crisis sign, since it runs for every ordinary message.
    /// </summary>
    private SafetyVerdict? CancelledCrisisSignIn(SafetyMatches matches)
    {
        foreach (var phrase in matches.Phrases)
        {
            if (!_signsByTrigger.TryGetValue(phrase, out var signs))
            {
                continue;
            }

            foreach (var sign in signs)
            {
                if (_crisisSigns.Contains(sign) && sign.Match(matches, EmptySet, unlessNegations: null) is { } shown)
                {
                    return new SafetyVerdict(this[Urgency.Crisis], sign, shown);
                }
            }
        }

        return null;
    }

    /// <remarks>
    /// A negated unless phrase ("it never closed up", "blisters but no pus") keeps a medical sign; the crisis tier's
    /// unless phrases name a topic, not a state ("i hope i dont wake up with a new breakout"), so only a plain "not"
    /// turns them round ("whats the max doxy u can take before it does real damage, not for my acne").
    /// </remarks>
    private string? MatchOf(SafetyTier tier, SafetySign sign, SafetyMatches matches, HashSet<SafetySign> candidates) =>
        candidates.Contains(sign)
            ? sign.Match(matches, sign.Negatable ?? tier.Negatable ? NegationsOf(sign) : EmptySet, tier.Urgency == Urgency.Crisis ? CrisisUnlessNegations : NegationsOf(sign))
            : null;

    private IReadOnlySet<string> NegationsOf(SafetySign sign) =>
        _languageSignNegations.TryGetValue(sign, out var own) ? own : _negations;

    private bool GivesWay(SafetySign sign, SafetyMatches matches, HashSet<SafetySign> candidates) =>
        _yields.TryGetValue(sign, out var targets) && targets.Any(t => MatchOf(t.Tier, t.Sign, matches, candidates) is not null);

    /// <summary>The most urgent emoji-alone sign an emoji-only message shows, or null.</summary>
    private SafetyVerdict? ScreenEmojiAlone(IReadOnlyList<string> spelledWords)
    {
        foreach (var tier in Tiers)
        {
            foreach (var sign in tier.Signs)
            {
                if (sign.MatchAlone(spelledWords) is { } words)
                {
                    return new SafetyVerdict(tier, sign, words);
                }
            }
        }

        return null;
    }

    /// <param name="yaml">safety.yml's text.</param>
    /// <param name="sourceName">Its name, for error messages.</param>
    /// <param name="moreSigns">
    /// Signs kept in a file of their own (safety-languages.yml), added after each tier's own signs: the tiers, their
    /// replies and their sources stay in safety.yml alone.
    /// </param>
    public static SafetyCatalog Parse(string yaml, string sourceName = "safety.yml", SafetySignsText? moreSigns = null)
    {
        var file = CorpusYaml.Deserialize<SafetyFile?>(Deserializer, yaml, sourceName) ?? new SafetyFile();

        var tiers = new List<SafetyTier>();
        foreach (var (entry, number) in (file.Tiers ?? []).Select((t, i) => (t, i + 1)))
        {
            if (entry is null)
            {
                throw new CorpusFormatException(sourceName, $"tier number {number} is empty");
            }

            tiers.Add(ParseTier(entry, number, sourceName));
        }

        foreach (var required in RequiredTiers)
        {
            var count = tiers.Count(t => t.Urgency == required);
            if (count != 1)
            {
                throw new CorpusFormatException(sourceName, count == 0 ? $"tier '{required.ToName()}' is missing" : $"tier '{required.ToName()}' is defined {count} times");
            }
        }

        var fromMore = new HashSet<SafetySign>(ReferenceEqualityComparer.Instance);
        if (moreSigns is not null)
        {
            var more = ParseMoreSigns(moreSigns);
            fromMore.UnionWith(more.Values.SelectMany(signs => signs));
            tiers = [.. tiers.Select(t => more.TryGetValue(t.Urgency, out var signs) ? t with { Signs = [.. t.Signs, .. signs] } : t)];
        }

        var duplicate = tiers.SelectMany(t => t.Signs).GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CorpusFormatException(moreSigns is null ? sourceName : $"{sourceName} and {moreSigns.SourceName}", $"sign '{duplicate.Key}' is defined twice");
        }

        // An emoji listed twice (once with a stray space) keeps its first word rather than failing the whole screen.
        var emoji = (file.Emoji ?? [])
            .Where(e => !string.IsNullOrWhiteSpace(e.Key) && !string.IsNullOrWhiteSpace(e.Value))
            .DistinctBy(e => e.Key.Trim(), StringComparer.Ordinal)
            .ToDictionary(e => e.Key.Trim(), e => e.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal);
        var spelledWords = emoji.Values.ToHashSet(StringComparer.Ordinal);
        var unspelled = tiers.SelectMany(t => t.Signs).Where(s => s.Alone).SelectMany(s => s.Phrases.Select(p => (s.Name, Phrase: p))).FirstOrDefault(p => !spelledWords.Contains(p.Phrase) || p.Phrase.Contains(' ', StringComparison.Ordinal));
        if (unspelled.Name is not null)
        {
            // An emoji-only message is read word by word, so a two-word spelling ("safety pin") could never match.
            throw new CorpusFormatException(sourceName, $"sign '{unspelled.Name}' is read from emoji alone, but no emoji in 'emoji' spells '{unspelled.Phrase}' as one word");
        }

        var negations = SafetyNegations.Parse(Clean(file.Negations), file.LanguageNegations);
        if (moreSigns is not null && negations.Languages.FirstOrDefault(language => !fromMore.Any(sign => sign.Name.EndsWith($"-{language}", StringComparison.Ordinal))) is { } unknown)
        {
            // A misspelt language would leave its words cancelling nothing but the English signs, without a word said.
            throw new CorpusFormatException(sourceName, $"language_negations names '{unknown}', but no sign of {moreSigns.SourceName} ends with '-{unknown}'");
        }

        List<SafetyTier> ordered = [.. tiers.OrderByDescending(t => t.Urgency)];
        var afterCrisis = file.AfterCrisis is null ? null : ParseAfterCrisis(file.AfterCrisis, ordered, sourceName);
        var afterNearMiss = file.AfterNearMiss is null ? null : ParseAfterNearMiss(file.AfterNearMiss, ordered, afterCrisis, sourceName);
        return new SafetyCatalog(ordered, negations, fromMore, emoji, ResolveYields(ordered, sign => fromMore.Contains(sign) ? moreSigns!.SourceName : sourceName), SafetyRespelling.Parse(file.Spellings, file.Particles, sourceName), afterCrisis, afterNearMiss, ParseCarriedSubjects(file.CarriedSubjects, sourceName), file.AfterMedical is null ? null : ParseAfterMedical(file.AfterMedical, ordered, sourceName), file.ToldAsOver is null ? null : ParseToldAsOver(file.ToldAsOver, ordered, sourceName));
    }

    private static ToldAsOverReading ParseToldAsOver(SafetyToldAsOverEntry entry, IReadOnlyList<SafetyTier> tiers, string sourceName)
    {
        var overSigns = (entry.OverSigns ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        var pastSigns = (entry.PastSigns ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        var notOverSigns = (entry.NotOverSigns ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        if (overSigns.Count == 0 || pastSigns.Count == 0 || notOverSigns.Count == 0)
        {
            // Without its not-over signs the reading would turn "doing well, but its back again" into an ordinary answer.
            throw new CorpusFormatException(sourceName, "told_as_over needs over_signs, past_signs and not_over_signs");
        }

        var taken = tiers.SelectMany(t => t.Signs).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (overSigns.Concat(pastSigns).Concat(notOverSigns).GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1 || taken.Contains(g.Key)) is { } duplicate)
        {
            throw new CorpusFormatException(sourceName, $"told_as_over sign '{duplicate.Key}' is defined twice");
        }

        return new ToldAsOverReading(tiers.First(t => t.Urgency == Urgency.Crisis), overSigns, pastSigns, notOverSigns);
    }

    private static AfterMedicalReading ParseAfterMedical(SafetyAfterMedicalEntry entry, IReadOnlyList<SafetyTier> tiers, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(entry.Lead))
        {
            throw new CorpusFormatException(sourceName, "after_medical needs a lead");
        }

        var safeSigns = (entry.SafeSigns ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Infection, i + 1, sourceName)).ToList();
        if (safeSigns.Count == 0)
        {
            throw new CorpusFormatException(sourceName, "after_medical has no safe_signs");
        }

        var stillNeeds = (entry.StillNeeds ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Infection, i + 1, sourceName)).ToList();
        var taken = tiers.SelectMany(t => t.Signs).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (safeSigns.Concat(stillNeeds).GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1 || taken.Contains(g.Key)) is { } duplicate)
        {
            throw new CorpusFormatException(sourceName, $"after_medical sign '{duplicate.Key}' is defined twice");
        }

        // The tier's own reply, led by a line that says this is the same advice again and why it still stands.
        var replies = tiers.Where(t => t.Urgency is not (Urgency.Crisis or Urgency.None))
            .ToDictionary(t => t.Urgency, t => t with { Message = $"{entry.Lead.Trim()}\n{t.Message}" });
        return new AfterMedicalReading(replies, safeSigns, stillNeeds);
    }

    private static CarriedSubjects ParseCarriedSubjects(List<CarriedSubjectEntry>? entries, string sourceName)
    {
        var subjects = new List<(CarriedSubject, IReadOnlyList<string>)>();
        foreach (var entry in entries ?? [])
        {
            var name = entry.Name?.Trim() ?? string.Empty;
            var readsAs = string.Join(' ', Clean(entry.ReadsAs).Select(w => w.Trim().ToLowerInvariant()));
            List<string> words = [.. Clean(entry.Words).Select(w => w.Trim().ToLowerInvariant())];
            if (name.Length == 0 || readsAs.Length == 0 || words.Count == 0)
            {
                throw new CorpusFormatException(sourceName, $"carried subject '{name}' needs a name, reads_as and words");
            }

            if (!CarriedSubjects.IsValidName(name))
            {
                // A conversation remembers the names as one space-separated string.
                throw new CorpusFormatException(sourceName, $"carried subject '{name}' needs a one-word name in lower case");
            }

            if (subjects.Any(s => s.Item1.Name == name))
            {
                throw new CorpusFormatException(sourceName, $"carried subject '{name}' is defined twice");
            }

            subjects.Add((new CarriedSubject(name, readsAs), words));
        }

        var carried = new CarriedSubjects(subjects);
        if (carried.All.FirstOrDefault(s => !carried.Named(SurfaceWords.Of(s.ReadsAs)).Contains(s)) is { } unnamed)
        {
            // Read with "the filler", the next message must name the filler again, or carrying it would be lost.
            throw new CorpusFormatException(sourceName, $"carried subject '{unnamed.Name}' reads as '{unnamed.ReadsAs}', which its own words do not name");
        }

        return carried;
    }

    private static AfterNearMissReading ParseAfterNearMiss(SafetyAfterNearMissEntry entry, IReadOnlyList<SafetyTier> tiers, AfterCrisisReading? afterCrisis, string sourceName)
    {
        var signs = (entry.Signs ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        if (signs.Count == 0)
        {
            throw new CorpusFormatException(sourceName, "after_near_miss has no signs");
        }

        var taken = tiers.SelectMany(t => t.Signs)
            .Concat(afterCrisis is null ? [] : afterCrisis.Signs.Concat(afterCrisis.SafeSigns).Concat(afterCrisis.TakingBack))
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (signs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1 || taken.Contains(g.Key)) is { } duplicate)
        {
            throw new CorpusFormatException(sourceName, $"after_near_miss sign '{duplicate.Key}' is defined twice");
        }

        if (signs.FirstOrDefault(s => s.Alone || s.YieldsTo.Count > 0) is { } odd)
        {
            throw new CorpusFormatException(sourceName, $"after_near_miss sign '{odd.Name}' cannot be read from emoji alone or yield: it answers the message before it");
        }

        List<string> nearWords = [.. Clean(entry.NearWords)];
        return nearWords.Count == 0
            ? throw new CorpusFormatException(sourceName, "after_near_miss has no near_words")
            : new AfterNearMissReading(tiers.First(t => t.Urgency == Urgency.Crisis), nearWords, signs);
    }

    private static AfterCrisisReading ParseAfterCrisis(SafetyAfterCrisisEntry entry, IReadOnlyList<SafetyTier> tiers, string sourceName)
    {
        if (string.IsNullOrWhiteSpace(entry.Headline) || string.IsNullOrWhiteSpace(entry.Message))
        {
            throw new CorpusFormatException(sourceName, "after_crisis needs a headline and a message");
        }

        var signs = (entry.Signs ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        if (signs.Count == 0)
        {
            throw new CorpusFormatException(sourceName, "after_crisis has no signs");
        }

        var safeSigns = (entry.SafeSigns ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        var takingBack = (entry.TakingBack ?? []).Select((s, i) => ParseSign(s, UrgencyNames.Crisis, i + 1, sourceName)).ToList();
        var tierSigns = tiers.SelectMany(t => t.Signs).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var duplicate = signs.Concat(safeSigns).Concat(takingBack).GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1 || tierSigns.Contains(g.Key));
        if (duplicate is not null)
        {
            throw new CorpusFormatException(sourceName, $"after_crisis sign '{duplicate.Key}' is defined twice");
        }

        if (signs.Concat(safeSigns).Concat(takingBack).FirstOrDefault(s => s.Alone || s.YieldsTo.Count > 0) is { } odd)
        {
            throw new CorpusFormatException(sourceName, $"after_crisis sign '{odd.Name}' cannot be read from emoji alone or yield: it answers a crisis reply");
        }

        var crisis = tiers.First(t => t.Urgency == Urgency.Crisis);
        return new AfterCrisisReading(crisis with { Headline = entry.Headline.Trim(), Message = entry.Message.Trim(), Signs = signs }, signs, safeSigns, takingBack);
    }

    private static Dictionary<Urgency, List<SafetySign>> ParseMoreSigns(SafetySignsText text)
    {
        var file = SafetySignsReader.TryRead(text.Yaml)
            ?? CorpusYaml.Deserialize<Dictionary<string, List<SafetySignEntry?>?>?>(Deserializer, text.Yaml, text.SourceName)
            ?? [];
        var signs = new Dictionary<Urgency, List<SafetySign>>();
        foreach (var (tierId, entries) in file)
        {
            var urgency = UrgencyNames.Parse(tierId);
            if (urgency is null or Urgency.None)
            {
                throw new CorpusFormatException(text.SourceName, $"'{tierId}' is not a tier: use crisis, emergency, infection or see_doctor");
            }

            var id = urgency.Value.ToName();
            var list = signs.TryGetValue(urgency.Value, out var existing) ? existing : signs[urgency.Value] = [];
            list.AddRange((entries ?? []).Select((s, i) => ParseSign(s, id, i + 1, text.SourceName)));
        }

        return signs;
    }

    private static SafetyTier ParseTier(SafetyTierEntry entry, int number, string sourceName)
    {
        var urgency = UrgencyNames.Parse(entry.Id);
        if (urgency is null or Urgency.None)
        {
            throw new CorpusFormatException(sourceName, $"tier number {number} has id '{entry.Id}': use crisis, emergency, infection or see_doctor");
        }

        var id = urgency.Value.ToName();
        if (string.IsNullOrWhiteSpace(entry.Headline) || string.IsNullOrWhiteSpace(entry.Message) || string.IsNullOrWhiteSpace(entry.Caveat))
        {
            throw new CorpusFormatException(sourceName, $"tier '{id}' needs a headline, a message and a caveat");
        }

        if (urgency == Urgency.Crisis && entry.Negatable)
        {
            throw new CorpusFormatException(sourceName, "tier 'crisis' cannot be negatable: \"I'm not going to kill myself\" still needs a person");
        }

        if (urgency != Urgency.Crisis && !string.IsNullOrWhiteSpace(entry.Aside))
        {
            throw new CorpusFormatException(sourceName, $"tier '{id}' has an aside: only crisis has one, added to another tier's reply");
        }

        var sources = (entry.Sources ?? []).Select((s, i) => ParseSource(s, id, i + 1, sourceName)).ToList();
        if (sources.Count == 0)
        {
            throw new CorpusFormatException(sourceName, $"tier '{id}' cites no source: its advice must rest on one");
        }

        var signs = (entry.Signs ?? []).Select((s, i) => ParseSign(s, id, i + 1, sourceName)).ToList();
        return signs.Count == 0
            ? throw new CorpusFormatException(sourceName, $"tier '{id}' has no signs")
            : new SafetyTier(urgency.Value, entry.Headline.Trim(), entry.Message.Trim(), entry.Caveat.Trim(), entry.Negatable, sources, signs, string.IsNullOrWhiteSpace(entry.Aside) ? null : entry.Aside.Trim());
    }

    private static SafetySource ParseSource(SafetySourceEntry? source, string tier, int number, string sourceName)
    {
        if (source is null || string.IsNullOrWhiteSpace(source.Title) || string.IsNullOrWhiteSpace(source.Publisher))
        {
            throw new CorpusFormatException(sourceName, $"source {number} of tier '{tier}' needs a title and a publisher");
        }

        if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new CorpusFormatException(sourceName, $"source {number} of tier '{tier}' needs an https url");
        }

        return DateOnly.TryParseExact(source.Retrieved, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var retrieved)
            ? new SafetySource(source.Title.Trim(), source.Publisher.Trim(), url, retrieved)
            : throw new CorpusFormatException(sourceName, $"source {number} of tier '{tier}' needs a retrieved date (yyyy-mm-dd)");
    }

    private static SafetySign ParseSign(SafetySignEntry? sign, string tier, int number, string sourceName)
    {
        if (sign is null || string.IsNullOrWhiteSpace(sign.Name) || string.IsNullOrWhiteSpace(sign.Covers))
        {
            throw new CorpusFormatException(sourceName, $"sign {number} of tier '{tier}' needs a name and a 'covers'");
        }

        var near = (sign.Near ?? []).Select(g => (IReadOnlyList<string>)[.. Clean(g)]).ToList();
        if (near.Count == 1 || near.Any(g => g.Count == 0))
        {
            throw new CorpusFormatException(sourceName, $"sign '{sign.Name}': 'near' needs two or more groups, none of them empty");
        }

        IReadOnlyList<string> phrases = [.. Clean(sign.Phrases)];
        if (phrases.Count == 0 && near.Count == 0)
        {
            throw new CorpusFormatException(sourceName, $"sign '{sign.Name}' has neither phrases nor near groups");
        }

        if (tier == UrgencyNames.Crisis && sign.Negatable == true)
        {
            throw new CorpusFormatException(sourceName, $"sign '{sign.Name}': crisis signs cannot be negatable");
        }

        if (sign.Alone && (phrases.Count == 0 || near.Count > 0 || sign.Unless.Count > 0))
        {
            throw new CorpusFormatException(sourceName, $"sign '{sign.Name}' is read from emoji alone: give it phrases (the words its emoji spell) and no near groups or unless");
        }

        if (sign.MaxWords is < 1)
        {
            throw new CorpusFormatException(sourceName, $"sign '{sign.Name}': 'max_words' must be at least 1");
        }

        return sign.Within is < 1 or > MaxWithin
            ? throw new CorpusFormatException(sourceName, $"sign '{sign.Name}': 'within' must be 1 to {MaxWithin} words")
            : new SafetySign(sign.Name.Trim(), sign.Covers.Trim(), phrases, near, sign.Within, [.. Clean(sign.Unless)], sign.Negatable, sign.Alone, [.. Clean(sign.YieldsTo).Select(n => n.Trim())], sign.MaxWords);
    }

    /// <summary>
    /// What each sign that yields gives way to: every sign of a named tier, or a named sign, always less urgent than
    /// its own, since a sign cannot give way upwards and a crisis sign never gives way.
    /// </summary>
    private static Dictionary<SafetySign, YieldTarget[]> ResolveYields(IReadOnlyList<SafetyTier> tiers, Func<SafetySign, string> sourceOf)
    {
        var yields = new Dictionary<SafetySign, YieldTarget[]>(ReferenceEqualityComparer.Instance);
        foreach (var tier in tiers)
        {
            foreach (var sign in tier.Signs.Where(s => s.YieldsTo.Count > 0))
            {
                if (tier.Urgency == Urgency.Crisis)
                {
                    throw new CorpusFormatException(sourceOf(sign), $"sign '{sign.Name}': crisis signs cannot yield to another tier");
                }

                yields[sign] = [.. sign.YieldsTo.SelectMany(name => YieldTargets(tiers, tier, sign, name, sourceOf(sign)))];
            }
        }

        return yields;
    }

    private static IEnumerable<YieldTarget> YieldTargets(IReadOnlyList<SafetyTier> tiers, SafetyTier own, SafetySign sign, string name, string sourceName)
    {
        var lower = tiers.Where(t => t.Urgency < own.Urgency).ToList();
        if (UrgencyNames.Parse(name) is { } urgency && lower.FirstOrDefault(t => t.Urgency == urgency) is { } tier)
        {
            return tier.Signs.Select(s => new YieldTarget(tier, s));
        }

        return lower.SelectMany(t => t.Signs.Where(s => s.Name == name).Select(s => new YieldTarget(t, s))).ToList() is [_, ..] signs
            ? signs
            : throw new CorpusFormatException(sourceName, $"sign '{sign.Name}' yields to '{name}': name a tier less urgent than '{own.Urgency.ToName()}' or one of its signs");
    }

    private static IEnumerable<string> Clean(List<string>? values) => (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v));
}

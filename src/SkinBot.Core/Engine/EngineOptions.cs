using System.ComponentModel.DataAnnotations;

namespace SkinBot.Core.Engine;

/// <summary>Engine settings, bound from the "Engine" configuration section.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>The corpus folder (articles/, synonyms.txt, intents.yml), relative to the content root.</summary>
    [Required]
    public string CorpusPath { get; set; } = "corpus";

    /// <summary>Where persisted indexes live, relative to the content root. Ignored when <see cref="InMemoryIndex"/>.</summary>
    [Required]
    public string IndexPath { get; set; } = "data/index";

    /// <summary>
    /// The largest corpus file read, in bytes; a bigger one is skipped (an article) or fails the build (a required
    /// file such as safety.yml), so a runaway file cannot exhaust memory.
    /// </summary>
    [Range(typeof(long), "1024", "268435456")]
    public long MaxCorpusFileBytes { get; set; } = Corpus.CorpusFileReader.DefaultMaxFileBytes;

    /// <summary>Build the index in memory on every start instead of persisting it.</summary>
    public bool InMemoryIndex { get; set; }

    /// <summary>Rebuild when files under the corpus change.</summary>
    public bool WatchCorpus { get; set; } = true;

    /// <summary>Quiet time after the last change before a rebuild, so an editor's save burst builds once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the corpus fingerprint is checked even without file events (0 turns it off). The watcher misses a
    /// folder that is replaced or created after start-up; this catches it. An unchanged corpus costs one hash.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a conversation's last topic is remembered for follow-ups.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long after the crisis reply a conversation's next messages are read for what they mean after it, and its
    /// answers keep the crisis lines in view. Memory still ends when the conversation is quiet for <see cref="FollowUpWindow"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AfterCrisisWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a message that came near a crisis reading is remembered for the next one to say it was meant ("no fr
    /// tho"): long enough for someone who typed, deleted and typed again, short enough that a "for real" tomorrow
    /// is read on its own.
    /// </summary>
    public TimeSpan AfterNearMissWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after a medical tier's go-to-care reply a conversation's next messages are read for what they mean
    /// after it ("the clinic is closed till monday, can i just put cream on it" gets that advice again). Memory still
    /// ends when the conversation is quiet for <see cref="FollowUpWindow"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AfterMedicalWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Upper bound on remembered conversations in the in-memory store.</summary>
    [Range(100, 10_000_000)]
    public int MaxConversations { get; set; } = 100_000;

    /// <summary>Below this confidence SkinBot offers the nearest topics instead of answering.</summary>
    [Range(0.0, 1.0)]
    public double LowConfidenceThreshold { get; set; } = 0.35;

    /// <summary>
    /// Score intents also by meaning (static word vectors against their examples), which helps with paraphrase
    /// and words no example uses. Off leaves nearest examples and signals alone.
    /// </summary>
    public bool SemanticIntents { get; set; } = true;

    /// <summary>
    /// Answers kept for messages asked again in the same conversation state (see <see cref="AnswerMemo"/>); 0 turns
    /// the memo off. Each costs about a kilobyte: the quoted passages are the corpus's own strings.
    /// </summary>
    [Range(0, 1_000_000)]
    public int AnswerMemoCapacity { get; set; } = 4096;

    /// <summary>Text beyond this many characters is not analysed (the guard in front of the engine rejects longer messages anyway).</summary>
    [Range(100, 100_000)]
    public int MaxAnalysedLength { get; set; } = 4000;
}

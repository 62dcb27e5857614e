namespace SkinBot.Host.Feedback;

/// <summary>Section <c>Feedback</c>: votes on answers and the content-gap report, privacy first.</summary>
public sealed class FeedbackOptions
{
    public const string SectionName = "Feedback";

    /// <summary>Off: no answer is recorded, no vote buttons are shown, privacy still says so.</summary>
    public bool Enabled { get; set; } = true;

    public FeedbackProvider Provider { get; set; } = FeedbackProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite, optional (default: feedback.db in <see cref="DataPath"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The data folder, relative to the content root: the SQLite file and the development hash key live here.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>
    /// Base64 of at least 32 random bytes, the HMAC key of the stored user hashes (from a secret store or
    /// SKINBOT_Feedback__UserHashKey, never appsettings.json). Required with PostgreSQL, where replicas must agree.
    /// </summary>
    public string? UserHashKey { get; set; }

    /// <summary>Keep the question text (and a 👎's own words) for the report. Off by default: it is health information.</summary>
    public bool StoreQuestionText { get; set; }

    /// <summary>How long kept text lives before the purge drops it.</summary>
    public TimeSpan TextRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the host runs the purge.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Writes waiting for the database; past this, new ones are dropped (and counted) rather than held.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long a vote press may wait for the database to say whether the person voted on that answer before (to
    /// acknowledge "already counted" or "changed"); past it the press is acknowledged as a first vote. Under 2 s, since
    /// Discord wants a response within 3.
    /// </summary>
    public TimeSpan VoteLookupTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most writes saved in one transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long the writer lets answers gather before saving them, unless a full batch is already waiting. A
    /// transaction costs about as much for one answer as for a hundred, so saving each on its own as it came took
    /// more CPU than answering it. 0 saves at once.
    /// </summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}

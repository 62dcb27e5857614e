namespace SkinBot.Core.Safety;

/// <summary>safety.yml as written. Property names map to snake_case keys.</summary>
public sealed class SafetyFile
{
    /// <summary>Words that cancel a sign of a negatable tier when they come just before it ("no fever").</summary>
    public List<string> Negations { get; set; } = [];

    /// <summary>
    /// Negation words of one language that are ordinary words in another the screen reads ("pas"), by language; see
    /// <see cref="SafetyNegations"/>.
    /// </summary>
    public Dictionary<string, List<string>>? LanguageNegations { get; set; }

    public List<SafetyTierEntry> Tiers { get; set; } = [];

    /// <summary>Emoji the screen reads as words (🪦: gravestone), since people say with them what they would not write.</summary>
    public Dictionary<string, string>? Emoji { get; set; }

    /// <summary>Misspellings the screen also reads as the words they stand for (pils: pills), see <see cref="SafetyRespelling"/>.</summary>
    public Dictionary<string, string>? Spellings { get; set; }

    /// <summary>Emphasis particles the second reading leaves out (ही), see <see cref="SafetyRespelling"/>.</summary>
    public List<string>? Particles { get; set; }

    /// <summary>What the next messages of a conversation that just got the crisis reply can mean (optional), see <see cref="AfterCrisisReading"/>.</summary>
    public SafetyAfterCrisisEntry? AfterCrisis { get; set; }

    /// <summary>
    /// What the next message of a conversation says after one that came near a crisis reading without getting one
    /// (optional), see <see cref="SafetyCatalog.ScreenAfterNearMiss"/>.
    /// </summary>
    public SafetyAfterNearMissEntry? AfterNearMiss { get; set; }

    /// <summary>
    /// What one message can name that the next speaks of only as "it" (optional), see <see cref="CarriedSubjects"/>.
    /// </summary>
    public List<CarriedSubjectEntry> CarriedSubjects { get; set; } = [];

    /// <summary>How the next messages after a medical tier's reply are read (optional), see <see cref="AfterMedicalReading"/>.</summary>
    public SafetyAfterMedicalEntry? AfterMedical { get; set; }

    /// <summary>A danger named only as over, beside an ordinary question (optional), see <see cref="ToldAsOverReading"/>.</summary>
    public SafetyToldAsOverEntry? ToldAsOver { get; set; }
}

/// <summary>after_medical as written: the lead put before a medical tier's reply given again, and the signs that it was seen to.</summary>
public sealed class SafetyAfterMedicalEntry
{
    public string Lead { get; set; } = string.Empty;

    public List<SafetySignEntry> SafeSigns { get; set; } = [];

    /// <summary>Signs that it still stands whatever else the message says: putting it off, a way barred, hiding it.</summary>
    public List<SafetySignEntry> StillNeeds { get; set; } = [];
}

/// <summary>
/// carried_subjects as written: a subject ("filler"), the words that name it, and how the next message is read with it
/// ("the filler").
/// </summary>
public sealed class CarriedSubjectEntry
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Words put before the next message when it is read with this subject; the tiers' signs must know them.</summary>
    public List<string> ReadsAs { get; set; } = [];

    public List<string> Words { get; set; } = [];
}

/// <summary>
/// after_near_miss as written: signs that, just after a message a look-alike or the crisis model's doubt kept from the
/// crisis reply ("this acne makes me wanna die lol"), say it was meant ("no fr tho", "i wasnt joking"). They get the
/// crisis tier's own reply, since no crisis reply has been given yet.
/// </summary>
public sealed class SafetyAfterNearMissEntry
{
    /// <summary>
    /// Words that speak of dying, killing, disappearing or hurting oneself ("the death of me", "mar jaunga"): a message
    /// with one that got no crisis reply came near one.
    /// </summary>
    public List<string> NearWords { get; set; } = [];

    public List<SafetySignEntry> Signs { get; set; } = [];
}

/// <summary>after_crisis as written: the reply to a message that still shows danger after the crisis reply, and its signs.</summary>
public sealed class SafetyAfterCrisisEntry
{
    public string Headline { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public List<SafetySignEntry> Signs { get; set; } = [];

    /// <summary>Signs that the person says they are safe now (called someone, is with family, was quoting a song).</summary>
    public List<SafetySignEntry> SafeSigns { get; set; } = [];

    /// <summary>Signs that the person takes back the crisis words of the same message ("lol no im not gonna off myself").</summary>
    public List<SafetySignEntry> TakingBack { get; set; } = [];
}

/// <summary>One tier: the reply, the public sources it rests on, and the signs that call for it.</summary>
public sealed class SafetyTierEntry
{
    public string Id { get; set; } = string.Empty;

    public string Headline { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public string Caveat { get; set; } = string.Empty;

    /// <summary>Whether "no", "not", "without" just before a sign cancel it. Never for crisis: recall comes first.</summary>
    public bool Negatable { get; set; }

    /// <summary>
    /// Crisis only: the short form of its reply, added to another tier's reply when a clause of the message reads like
    /// a crisis but no crisis sign shows (see <see cref="SafetyVerdict.CrisisReading"/>).
    /// </summary>
    public string? Aside { get; set; }

    public List<SafetySourceEntry> Sources { get; set; } = [];

    public List<SafetySignEntry> Signs { get; set; } = [];
}

/// <summary>A public source for a tier's advice.</summary>
public sealed class SafetySourceEntry
{
    public string Title { get; set; } = string.Empty;

    public string Publisher { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string Retrieved { get; set; } = string.Empty;
}

/// <summary>
/// One named sign. It shows when any of its <c>phrases</c> occurs, or when a phrase of every <c>near</c> group
/// occurs within <c>within</c> words of the first group's; <c>unless</c> phrases as near (15 words at most) cancel it.
/// </summary>
public sealed class SafetySignEntry
{
    public string Name { get; set; } = string.Empty;

    /// <summary>What the sign is, in a maintainer's words (shown by --explain).</summary>
    public string Covers { get; set; } = string.Empty;

    public List<string> Phrases { get; set; } = [];

    public List<List<string>> Near { get; set; } = [];

    public int Within { get; set; } = 6;

    /// <summary>
    /// Overrides the tier's <c>negatable</c>: false for a sign whose phrases carry their own negation ("never
    /// heals"), which a negation just before them would otherwise cancel.
    /// </summary>
    public bool? Negatable { get; set; }

    public List<string> Unless { get; set; } = [];

    /// <summary>
    /// Less urgent tiers, or signs of them, that take the message from this one when they also show: a swollen cheek after
    /// filler is an emergency, but with pus and a fever it is an infection. Precedence written down here, rather
    /// than as far-reaching <c>unless</c> phrases.
    /// </summary>
    public List<string> YieldsTo { get; set; } = [];

    /// <summary>
    /// True for a sign that shows only on a message of nothing but emoji, each spelling one of its phrases: a
    /// gravestone sent alone is a message, the word "gravestone" in a sentence is not.
    /// </summary>
    public bool Alone { get; set; }

    /// <summary>
    /// The longest message, in words, the sign reads (optional): "for real" alone answers what came before, "for real
    /// tho does tca cross hurt" asks something new.
    /// </summary>
    public int? MaxWords { get; set; }
}

/// <summary>safety.yml's <c>told_as_over</c>: signs that a named danger is over, and signs that it is not.</summary>
public sealed class SafetyToldAsOverEntry
{
    /// <summary>Saying the danger is over ("doing really well now", "years clean", "antibiotics cleared it").</summary>
    public List<SafetySignEntry> OverSigns { get; set; } = [];

    /// <summary>Setting a clause in the past ("when i was 17", "years ago", "in 2016").</summary>
    public List<SafetySignEntry> PastSigns { get; set; } = [];

    /// <summary>Saying it is not, or may not be ("again", "lately", "still"): any one keeps the tier's reply.</summary>
    public List<SafetySignEntry> NotOverSigns { get; set; } = [];
}

using System.Text.RegularExpressions;
using SkinBot.Core.Text;

namespace SkinBot.Core.Safety;

/// <summary>
/// safety.yml's <c>carried_subjects</c>. "is filler near the nose risky?" gets an ordinary answer; "got it this
/// morning, the skin next to it went white and the pain is insane" names no filler, so on its own it shows no sign.
/// Read with the subject the message before named ("the filler got it this morning..."), it shows the emergency it is.
/// </summary>
public sealed partial class CarriedSubjects
{
    private readonly IReadOnlyList<CarriedSubject> _subjects;

    /// <summary>Every subject's words; <see cref="_subjectOf"/> says whose each phrase is.</summary>
    private readonly PhraseSet _words;

    private readonly Dictionary<string, int> _subjectOf;

    internal CarriedSubjects(IReadOnlyList<(CarriedSubject Subject, IReadOnlyList<string> Words)> subjects)
    {
        _subjects = [.. subjects.Select(s => s.Subject)];
        _subjectOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < subjects.Count; i++)
        {
            foreach (var word in subjects[i].Words)
            {
                // A word two subjects share ("filler" is also a procedure) belongs to the first, the more specific.
                _subjectOf.TryAdd(word, i);
            }
        }

        _words = new PhraseSet(_subjectOf.Keys);
    }

    public IReadOnlyList<CarriedSubject> All => _subjects;

    /// <summary>Every subject the words name, in file order ("can you laser over a mole" names a procedure and a mole).</summary>
    public IReadOnlyList<CarriedSubject> Named(IReadOnlyList<string> surfaceWords)
    {
        var found = _words.Find(surfaceWords);
        if (found.Count == 0)
        {
            return [];
        }

        var named = new SortedSet<int>();
        foreach (var match in found)
        {
            named.Add(_subjectOf[match.Phrase]);
        }

        return [.. named.Select(i => _subjects[i])];
    }

    /// <summary>
    /// The subjects a conversation remembered by <see cref="NamesOf"/>; a name the corpus no longer has is left out.
    /// </summary>
    public IReadOnlyList<CarriedSubject> FromNames(string? names) =>
        string.IsNullOrEmpty(names)
            ? []
            : [.. names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => _subjects.FirstOrDefault(s => s.Name == n)).OfType<CarriedSubject>()];

    /// <summary>The subjects' names as a conversation remembers them (one word each, space-separated), or null for none.</summary>
    public static string? NamesOf(IReadOnlyList<CarriedSubject> subjects) =>
        subjects.Count == 0 ? null : string.Join(' ', subjects.Select(s => s.Name));

    /// <summary>Whether a subject's name can be remembered as one word of <see cref="NamesOf"/>.</summary>
    internal static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex NamePattern();
}

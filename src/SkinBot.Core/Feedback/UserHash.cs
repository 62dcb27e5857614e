namespace SkinBot.Core.Feedback;

/// <summary>
/// A person, as feedback storage knows them: a keyed hash of platform and user id, so one vote per person per answer
/// and "forget me" work without the store ever holding the id itself.
/// </summary>
public readonly record struct UserHash(string Value)
{
    public override string ToString() => Value;
}

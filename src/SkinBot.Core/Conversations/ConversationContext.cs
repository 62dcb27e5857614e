namespace SkinBot.Core.Conversations;

/// <summary>What SkinBot remembers of a conversation to understand "and rolling?" or "what about at home?".</summary>
/// <param name="Intent">The last answered intent.</param>
/// <param name="Topic">The last topic (scar type id or treatment lead term), if any.</param>
/// <param name="AnsweredAt">When, so memory can expire.</param>
/// <param name="CrisisRepliedAt">
/// When the conversation last got the crisis reply, if it did within <see cref="Engine.EngineOptions.AfterCrisisWindow"/>:
/// the next messages are then read for what they mean after it ("i mean it", "nobody picks up").
/// </param>
/// <param name="CrisisNearMissAt">
/// When the last message came near a crisis reading without getting the crisis reply ("this acne makes me wanna die
/// lol"), if it did within <see cref="Engine.EngineOptions.AfterNearMissWindow"/>: the next message is read for saying it
/// was meant ("no fr tho", "i wasnt joking"). Only the message right after it is, so every other answer clears it.
/// </param>
/// <param name="MedicalRepliedAt">
/// When the conversation last got the go-to-care reply of a medical tier, if it did within <see
/// cref="Engine.EngineOptions.AfterMedicalWindow"/>: the next messages are read for whether it was seen to.
/// </param>
/// <param name="MedicalTier">That reply's tier, or <see cref="Domain.Urgency.None"/>.</param>
/// <param name="Subjects">
/// The names of what an earlier message named that a later one may call "it" (a filler, a procedure, a mole: safety.yml
/// <c>carried_subjects</c>), space-separated, or null: a message that shows no sign alone is read with them for the
/// medical tiers. Only the subjects' names are kept, never the message's words.
/// </param>
public sealed record ConversationContext(string Intent, string? Topic, DateTimeOffset AnsweredAt, DateTimeOffset? CrisisRepliedAt = null, DateTimeOffset? CrisisNearMissAt = null, string? Subjects = null, DateTimeOffset? MedicalRepliedAt = null, Domain.Urgency MedicalTier = Domain.Urgency.None);

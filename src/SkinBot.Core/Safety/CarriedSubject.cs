namespace SkinBot.Core.Safety;

/// <summary>
/// Something a message named that the next one may speak of only as "it": a procedure, a filler, a mole (safety.yml
/// <c>carried_subjects</c>). The conversation remembers its <see cref="Name"/>, never the message's words.
/// </summary>
/// <param name="Name">The subject's name in safety.yml.</param>
/// <param name="ReadsAs">
/// The words the next message is read with: "the filler" for the English signs and the words each language's signs
/// know it by ("relleno", "preenchimento"), the English last so that it stands nearest the message.
/// </param>
public sealed record CarriedSubject(string Name, string ReadsAs);

namespace SkinBot.Core.Scope;

/// <summary>An out-of-scope subject a message is about, and the words that said so (for the reply and --explain).</summary>
/// <param name="AsksCandidacy">
/// The message asks whether something suits a person who has the subject ("I have eczema, can I still get
/// microneedling?"): beside a named scar treatment the subject is then background, not what is asked.
/// </param>
public sealed record ScopeVerdict(ScopeTopic Topic, string MatchedWords, bool AsksCandidacy = false);
